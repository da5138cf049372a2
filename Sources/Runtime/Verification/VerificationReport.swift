import Basics

/// The result of `RunVerifier.verify`: per step, how the units that reached it ended up.
///
/// Invariants: for a non-fan-out step, `missing = expected − (valid ∪ failed ∪ retryable)` and
/// `orphaned = (valid ∪ failed ∪ retryable) − expected`, as counts and as sorted id lists;
/// `duplicated = valid lines − unique valid ids`; `failed` counts final failures and `retryable` the
/// failures that may still be retried (a unit that is valid counts only as valid); `integrity` is "OK"
/// exactly when no step has missing or duplicated units.
public struct VerificationReport: Sendable, Equatable {
    /// One step's counts (see the type's invariants).
    public struct StepReport: Sendable, Equatable {
        public var step: String
        public var expected: Int
        public var valid: Int
        public var failed: Int
        public var retryable: Int
        public var missing: Int
        public var duplicated: Int
        public var orphaned: Int
        public var missingIDs: [String]
        public var orphanedIDs: [String]

        public init(step: String, expected: Int, valid: Int, failed: Int, retryable: Int, missing: Int, duplicated: Int,
                    orphaned: Int, missingIDs: [String], orphanedIDs: [String]) {
            self.step = step
            self.expected = expected
            self.valid = valid
            self.failed = failed
            self.retryable = retryable
            self.missing = missing
            self.duplicated = duplicated
            self.orphaned = orphaned
            self.missingIDs = missingIDs
            self.orphanedIDs = orphanedIDs
        }

        public var value: Value {
            ["step": .string(step), "expected": .int(expected), "valid": .int(valid), "failed": .int(failed),
             "retryable": .int(retryable), "missing": .int(missing), "duplicated": .int(duplicated), "orphaned": .int(orphaned),
             "missing_ids": .array(missingIDs.map(Value.string)), "orphaned_ids": .array(orphanedIDs.map(Value.string))]
        }
    }

    public var runDirectory: String
    public var initialUnits: Int
    public var steps: [StepReport]

    public init(runDirectory: String, initialUnits: Int, steps: [StepReport]) {
        self.runDirectory = runDirectory
        self.initialUnits = initialUnits
        self.steps = steps
    }

    public var totalMissing: Int { steps.reduce(0) { $0 + $1.missing } }
    public var totalDuplicated: Int { steps.reduce(0) { $0 + $1.duplicated } }
    public var integrity: String { totalMissing == 0 && totalDuplicated == 0 ? "OK" : "WARN" }

    /// `{run_dir, initial_units, steps: [...], total_missing, total_duplicated, integrity}`.
    public var value: Value {
        ["run_dir": .string(runDirectory), "initial_units": .int(initialUnits), "steps": .array(steps.map(\.value)),
         "total_missing": .int(totalMissing), "total_duplicated": .int(totalDuplicated), "integrity": .string(integrity)]
    }
}
