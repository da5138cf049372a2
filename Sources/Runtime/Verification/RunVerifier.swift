import Basics
import Pipeline

/// Checks a run directory for lost and duplicated units (`octobatch verify`; reference §1.19).
///
/// Invariants:
/// - Reads only: files are streamed, nothing is written, no lock is needed.
/// - Expected units of a step: every unit of `input/units.jsonl` for a step without dependencies; the ids
///   valid in *all* of its dependencies otherwise (a fan-out step's valid ids are its children, so they
///   become its dependents' expected set).
/// - A fan-out step's valid ids are children, not its inputs: its `missing`/`orphaned` compare the
///   expected parents with the children's `_fan_parent_id` plus the failed parents; when some child has
///   no `_fan_parent_id` they cannot be computed and are reported as 0.
/// - Valid/failed ids are gathered from every chunk folder's `<step>_validated.jsonl` and
///   `<step>_failures.jsonl` (see `StepOutcomes` for valid-wins and last-failure-wins).
public enum RunVerifier {
    public static func verify(runDirectory: String, stepOrder: [String], dependencies: [String: [String]],
                              fanOutSteps: Set<String> = [], maxRetries: Int) throws(RunStoreError) -> VerificationReport {
        let store = RunStore(paths: RunPaths(root: runDirectory))
        var initial = Set<String>()
        try JSONLScanner.scan(path: store.paths.inputUnits) { record in
            if let id = StepOutcomes.unitID(of: record) { initial.insert(id) }
        }
        let chunks = try store.chunkNames()
        var validByStep: [String: Set<String>] = [:]
        var reports: [VerificationReport.StepReport] = []
        for step in stepOrder {
            let outcomes = try merged(store: store, chunks: chunks, step: step)
            validByStep[step] = outcomes.validIDs
            let deps = dependencies[step, default: []]
            var expected = initial
            if let first = deps.first {
                expected = validByStep[first] ?? []
                for dep in deps.dropFirst() { expected.formIntersection(validByStep[dep] ?? []) }
            }
            let failed = outcomes.finalFailedIDs(maxRetries: maxRetries)
            let retryable = outcomes.retryableFailedIDs(maxRetries: maxRetries)
            let seen = outcomes.validIDs.union(failed).union(retryable)
            var missing: [String] = []
            var orphaned: [String] = []
            if !fanOutSteps.contains(step) {
                missing = expected.subtracting(seen).sorted()
                orphaned = seen.subtracting(expected).sorted()
            } else if let parents = try fanOutParents(store: store, chunks: chunks, step: step) {
                let seenParents = parents.union(failed).union(retryable)
                missing = expected.subtracting(seenParents).sorted()
                orphaned = seenParents.subtracting(expected).sorted()
            }
            reports.append(.init(step: step, expected: expected.count, valid: outcomes.validIDs.count, failed: failed.count,
                                 retryable: retryable.count, missing: missing.count,
                                 duplicated: outcomes.validLines - outcomes.validIDs.count, orphaned: orphaned.count,
                                 missingIDs: missing, orphanedIDs: orphaned))
        }
        return VerificationReport(runDirectory: runDirectory, initialUnits: initial.count, steps: reports)
    }

    /// `verify` with the order and dependencies of a pipeline's step graph.
    public static func verify(runDirectory: String, graph: StepGraph, fanOutSteps: Set<String> = [],
                              maxRetries: Int) throws(RunStoreError) -> VerificationReport {
        try verify(runDirectory: runDirectory, stepOrder: graph.order, dependencies: graph.dependencies,
                   fanOutSteps: fanOutSteps, maxRetries: maxRetries)
    }

    /// The `_fan_parent_id` of every valid child of a fan-out step, or nil if some child has none.
    static func fanOutParents(store: RunStore, chunks: [String], step: String) throws(RunStoreError) -> Set<String>? {
        var parents = Set<String>()
        var complete = true
        for chunk in chunks {
            try JSONLScanner.scan(path: store.chunk(chunk).validated(step)) { record in
                if let parent = record["_fan_parent_id"]?.stringValue { parents.insert(parent) } else { complete = false }
            }
        }
        return complete ? parents : nil
    }

    /// The outcomes of a step over all chunks (valid lines summed; a unit valid anywhere is valid).
    static func merged(store: RunStore, chunks: [String], step: String) throws(RunStoreError) -> StepOutcomes {
        var total = StepOutcomes()
        var failures: [String: StepOutcomes.Failure] = [:]
        for chunk in chunks {
            let outcomes = try store.outcomes(chunk: chunk, step: step)
            total.validLines += outcomes.validLines
            total.validIDs.formUnion(outcomes.validIDs)
            failures.merge(outcomes.failures) { _, later in later }
        }
        total.failures = failures.filter { !total.validIDs.contains($0.key) }
        return total
    }
}
