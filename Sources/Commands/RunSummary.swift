import Foundation
import Pipeline
import Runtime

/// The few lines printed when a run invocation ends.
enum RunSummary {
    static func text(_ outcome: RunOutcome, plan: ExecutionPlan, store: RunStore, currentDirectory: String) -> String {
        var out = ""
        for step in plan.graph.order {
            guard let c = outcome.counters[step] else { continue }
            out += "  \(step): \(c.valid) valid, \(c.failed) failed of \(c.total)"
            if c.calls > 0 { out += ", \(c.calls) calls, \(c.inputTokens + c.outputTokens) tokens" }
            out += "\n"
        }
        let cost = outcome.costKnown ? String(format: "$%.4f", outcome.spentUSD) : "unknown (a model has no price)"
        let dir = PipelineSource.display(store.paths.root, relativeTo: currentDirectory)
        switch outcome.status {
        case .complete:
            out += "Run complete: \(dir) (spent \(cost))\n"
        case .paused:
            out += "Run paused: \(outcome.stopReason?.description ?? "not finished") (spent \(cost))\n"
            out += "Resume with: octobatch run \(dir)\n"
        case .failed:
            out += "Run failed: \(outcome.stopReason?.description ?? "see RUN_LOG.txt") (spent \(cost))\n"
        }
        return out
    }
}
