import Basics
import Foundation
import JSONSchemaValidation
import Pipeline

/// `octobatch revalidate`: judges the stored raw answers of failed units again (parse, phase 1, phase 2)
/// under the plan it is given — the run's config snapshot or the source pipeline's current config — with
/// no API call.
///
/// Invariants: only failure records with a non-null `raw_response` of units that are not valid are
/// considered; a unit that now passes gets exactly the valid record the scheduler would have written
/// (`_metadata` from the matching `<step>_results.jsonl` record when there is one), appended and synced
/// before its failure records are removed by an atomic rewrite (so a crash in between leaves it valid, never
/// lost); every other line of the failures file is kept byte for byte; the chunk's counts are recounted and
/// its downstream steps reopened; runs under the run's lock (refused while another process drives the run).
public enum RunRevalidator {
    /// What revalidation found for one step.
    public struct StepResult: Sendable, Equatable {
        public var step: String
        /// Failed units with a stored raw answer.
        public var failures: Int
        /// Those that pass now.
        public var passed: Int
        /// Chunks whose downstream steps were set back to pending.
        public var reopenedChunks: Int
    }

    public static func revalidate(store: RunStore, plan: ExecutionPlan, step: String?) throws -> [StepResult] {
        let lock = try store.lock()
        defer { lock.release() }
        let steps = plan.orderedSteps.filter { if case .llm = $0.work { return $0.validator != nil } else { return false } }
        if let step, !steps.contains(where: { $0.name == step }) {
            throw RunRetrier.RetryError.unknownStep(step, llmSteps: steps.map(\.name))
        }
        let manifest = try store.readManifest()
        var results: [StepResult] = []
        for planned in steps where step == nil || step == planned.name {
            guard let validator = planned.validator else { continue }
            var result = StepResult(step: planned.name, failures: 0, passed: 0, reopenedChunks: 0)
            for chunk in try store.chunkNames() {
                let counts = try revalidate(chunk: chunk, step: planned.name, validator: validator, store: store)
                result.failures += counts.failures
                result.passed += counts.passed
                guard counts.passed > 0 || counts.failures > 0 else { continue }
                var state = try store.readState(chunk)
                let outcomes = try store.outcomes(chunk: chunk, step: planned.name)
                state[planned.name].valid = outcomes.validIDs.count
                state[planned.name].failed = outcomes.finalFailedIDs(
                    maxRetries: manifest.metadata.retryBudget(for: planned.name)).count
                if counts.passed > 0, !state.reopen(plan.graph.downstream(of: planned.name)).isEmpty {
                    result.reopenedChunks += 1
                }
                try store.writeState(state)
            }
            results.append(result)
        }
        if results.contains(where: { $0.passed > 0 }) {
            try store.writeManifest(try store.refreshManifest(manifest))
        }
        return results
    }

    /// One chunk step: promotes the failed units whose stored answer passes now.
    static func revalidate(chunk: String, step: String, validator: StepAnswerValidator,
                           store: RunStore) throws -> (failures: Int, passed: Int) {
        let files = store.chunk(chunk)
        guard FileManager.default.fileExists(atPath: files.failures(step)) else { return (0, 0) }
        let outcomes = try store.outcomes(chunk: chunk, step: step)
        let lines = try FailureLines.read(files.failures(step))
        // The latest stored answer first: a later attempt's answer is the one a promotion should keep.
        var candidates: [String: [Value]] = [:]
        for line in lines {
            guard let record = line.record, let id = StepOutcomes.unitID(of: record), !outcomes.validIDs.contains(id),
                  record["raw_response"]?.stringValue != nil else { continue }
            candidates[id, default: []].insert(record, at: 0)
        }
        guard !candidates.isEmpty else { return (0, 0) }
        let metadata = try resultMetadata(files.results(step))
        var promoted: [String: Value] = [:]
        for (id, records) in candidates {
            for record in records {
                guard let raw = record["raw_response"]?.stringValue, let input = record["input"]?.objectValue else { continue }
                let attempt = record["retry_count"]?.intValue ?? 0
                guard case .valid(let valid) = validator.validate(input: input, rawAnswer: raw, retryCount: attempt) else { continue }
                var output = valid.record
                if let stored = metadata[ResultKey(id: id, attempt: attempt)] { output["_metadata"] = stored }
                promoted[id] = .object(output)
                break
            }
        }
        guard !promoted.isEmpty else { return (candidates.count, 0) }
        let promotedIDs = Set(promoted.keys)
        let validated = try JSONLAppender(path: files.validated(step))
        for line in lines {
            guard let record = line.record, let id = StepOutcomes.unitID(of: record), let output = promoted[id] else { continue }
            promoted[id] = nil
            try validated.append(output)
        }
        try validated.sync()
        try validated.close()
        let kept = lines.filter { line in
            guard let record = line.record, let id = StepOutcomes.unitID(of: record) else { return true }
            return !promotedIDs.contains(id)
        }
        try AtomicFile.write(kept.flatMap { $0.bytes + [0x0A] }, to: files.failures(step))
        return (candidates.count, promotedIDs.count)
    }

    struct ResultKey: Hashable {
        var id: String
        var attempt: Int
    }

    /// `_metadata` of every stored answer, by unit and attempt.
    static func resultMetadata(_ path: String) throws -> [ResultKey: Value] {
        var metadata: [ResultKey: Value] = [:]
        try JSONLScanner.forEachRecord(path: path) { record in
            guard let id = StepOutcomes.unitID(of: record), let value = record["_metadata"], value != .null else { return }
            metadata[ResultKey(id: id, attempt: record["attempt"]?.intValue ?? 0)] = value
        }
        return metadata
    }
}

/// The complete lines of a failures file, as bytes and (when they parse) as records.
///
/// Invariant: a last line without `"\n"` (a torn write) is not a line; every other line is kept, even one
/// that does not parse, so a rewrite loses nothing but what it removes on purpose.
struct FailureLines {
    var bytes: [UInt8]
    var record: Value?

    static func read(_ path: String) throws -> [FailureLines] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunStoreError.missingFile(path: path)
        }
        var lines: [FailureLines] = []
        var start = data.startIndex
        while let newline = data[start...].firstIndex(of: 0x0A) {
            let bytes = [UInt8](data[start..<newline])
            if !bytes.isEmpty { lines.append(FailureLines(bytes: bytes, record: try? JSONReader.parse(bytes))) }
            start = data.index(after: newline)
        }
        return lines
    }
}
