import Basics
import Pipeline

/// `octobatch retry`: gives units that failed for good with a retryable stage a fresh retry budget, so
/// the next run requests them (and only them) again.
///
/// Invariants: nothing is deleted — the failure records stay as the history of the attempts; the grant is
/// a per-step `retry_bonus` in the manifest metadata, so a unit's next attempt is its last `retry_count + 1`
/// and valid units, units that failed in a stage a retry cannot fix, and other steps are untouched; the
/// affected chunks get the step back `in_progress` and the steps downstream of it `pending`; runs under the
/// run's lock (refused while another process drives the run).
public enum RunRetrier {
    /// What `grant` changed for one step.
    public struct StepGrant: Sendable, Equatable {
        public var step: String
        /// Units that had failed for good with a retryable stage.
        public var units: Int
        public var chunks: Int
        /// The step's retry budget from now on.
        public var budget: Int
    }

    public enum RetryError: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownStep(String, llmSteps: [String])

        public var description: String {
            switch self {
            case .unknownStep(let step, let steps):
                return "'\(step)' is not an LLM step of this run (LLM steps: \(steps.joined(separator: ", ")))"
            }
        }
    }

    /// Grants `extraRetries` more attempts to every unit of `step` (all LLM steps when nil) that failed for
    /// good with a retryable stage. Returns one entry per step that had such units.
    public static func grant(store: RunStore, plan: ExecutionPlan, step: String?, extraRetries: Int) throws -> [StepGrant] {
        let lock = try store.lock()
        defer { lock.release() }
        let llmSteps = plan.orderedSteps.filter { if case .llm = $0.work { return true } else { return false } }.map(\.name)
        if let step, !llmSteps.contains(step) { throw RetryError.unknownStep(step, llmSteps: llmSteps) }
        var manifest = try store.readManifest()
        var bonus = manifest.metadata.retryBonus
        let base = manifest.metadata.recordedMaxRetries
        var grants: [StepGrant] = []
        let chunks = try store.chunkNames()
        for name in llmSteps where step == nil || step == name {
            let budget = manifest.metadata.retryBudget(for: name)
            var affected: [String] = []
            var units = 0
            var highest = 0
            for chunk in chunks {
                let outcomes = try store.outcomes(chunk: chunk, step: name)
                let stuck = outcomes.failures.values.filter { $0.hasRetryableStage && $0.retryCount >= budget }
                guard !stuck.isEmpty else { continue }
                affected.append(chunk)
                units += stuck.count
                highest = max(highest, stuck.map(\.retryCount).max() ?? 0)
            }
            guard !affected.isEmpty else { continue }
            let newBudget = highest + max(1, extraRetries)
            bonus[name] = max(bonus[name] ?? 0, newBudget - base)
            let downstream = plan.graph.downstream(of: name)
            for chunk in affected {
                var state = try store.readState(chunk)
                state[name].status = .inProgress
                state.reopen(downstream)
                try store.writeState(state)
            }
            grants.append(StepGrant(step: name, units: units, chunks: affected.count, budget: base + (bonus[name] ?? 0)))
        }
        guard !grants.isEmpty else { return [] }
        manifest.metadata.retryBonus = bonus
        try store.writeManifest(try store.refreshManifest(manifest))
        return grants
    }
}
