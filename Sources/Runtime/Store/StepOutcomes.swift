import Basics

/// What is already decided for one step of one chunk, read from `<step>_validated.jsonl` and
/// `<step>_failures.jsonl`: the scheduler skips these units on resume and never requests a unit again
/// once it completed.
///
/// Invariants: a unit in the validated file is valid, whatever failure records it also has (failures are
/// appended, so an earlier failure may precede a later success); among a unit's failure records the last
/// one wins; a failure is *final* when its stage is not retryable (see `retryableStages`) or its `retry_count >= maxRetries`; `validLines` counts validated
/// lines, so `validLines - validIDs.count` is the number of duplicates.
public struct StepOutcomes: Sendable, Equatable {
    /// The latest failure record of a unit.
    public struct Failure: Sendable, Equatable {
        public var stage: String?
        public var retryCount: Int

        public init(stage: String?, retryCount: Int) {
            self.stage = stage
            self.retryCount = retryCount
        }

        /// `schema_validation`, `validation` or no stage: a new attempt may pass.
        public var hasRetryableStage: Bool {
            stage == nil || StepOutcomes.retryableStages.contains(stage ?? "")
        }

        public func isFinal(maxRetries: Int) -> Bool { !hasRetryableStage || retryCount >= maxRetries }
    }

    /// Stages a new attempt may fix: the model's answer was unparseable or invalid, or the provider call
    /// failed after its own retries.
    public static let retryableStages: Set<String> = ["parse", "schema_validation", "validation", "provider_error"]

    public var validIDs: Set<String> = []
    public var validLines = 0
    /// Units with failure records and no validated record.
    public var failures: [String: Failure] = [:]

    public init() {}

    public func finalFailedIDs(maxRetries: Int) -> Set<String> {
        Set(failures.filter { $0.value.isFinal(maxRetries: maxRetries) }.keys)
    }

    public func retryableFailedIDs(maxRetries: Int) -> Set<String> {
        Set(failures.filter { !$0.value.isFinal(maxRetries: maxRetries) }.keys)
    }

    /// Valid, or failed for good: the unit must not be requested again at this step.
    public func isSettled(_ unitID: String, maxRetries: Int) -> Bool {
        validIDs.contains(unitID) || failures[unitID]?.isFinal(maxRetries: maxRetries) == true
    }

    /// Reads the two files (missing files count as empty; a torn last line is ignored).
    public static func load(validated: String, failures: String) throws(RunStoreError) -> StepOutcomes {
        var outcomes = StepOutcomes()
        try JSONLScanner.scan(path: validated) { record in
            outcomes.validLines += 1
            if let id = unitID(of: record) { outcomes.validIDs.insert(id) }
        }
        try JSONLScanner.scan(path: failures) { record in
            guard let id = unitID(of: record), !outcomes.validIDs.contains(id) else { return }
            outcomes.failures[id] = Failure(stage: record["failure_stage"]?.stringValue,
                                            retryCount: record["retry_count"]?.intValue ?? 0)
        }
        return outcomes
    }

    /// The `unit_id` of a record (a string; an integer id is read as its decimal text).
    public static func unitID(of record: Value) -> String? {
        switch record["unit_id"] {
        case .string(let id)?: return id
        case .int(let id)?: return String(id)
        default: return nil
        }
    }
}
