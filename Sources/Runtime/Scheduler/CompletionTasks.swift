import Basics
import Pipeline

/// Work that runs once when a run completes: run-scoped steps (`scope: run`) and `post_process` entries.
///
/// Invariant: called by `RunExecutor` only when every chunk is settled; each task runs at most once per
/// completion and a failing task is logged, never failing the run.
struct CompletionTasks {
    let plan: ExecutionPlan
    let store: RunStore
    let log: RunLog?

    func run() async {
        guard !plan.runSteps.isEmpty || !plan.config.postProcess.isEmpty else { return }
        try? log?.log("POST-PROCESS", "run-scoped steps and post-processing are not executed by this build")
    }
}
