import Basics
import Pipeline

/// Work that runs once when a run completes: run-scoped steps (`scope: run`, `RunStepTask`), then the
/// `post_process` entries in order (`PostProcessTask`).
///
/// Invariant: called by `RunExecutor` only when every chunk is settled; each task runs at most once per
/// completion (`CompletionRecord`): a task that ran, succeeded or failed, is recorded in the manifest and
/// skipped by a resume of the complete run, and runs again only after new work completes the run again; a
/// failing task is logged and never fails the run; a cancelled task is not recorded and stops the rest.
struct CompletionTasks {
    let plan: ExecutionPlan
    let store: RunStore
    let log: RunLog?

    /// One task and the key it is recorded under.
    enum Item {
        case runStep(StepConfig)
        case postProcess(Int, PipelineConfig.PostProcess)

        /// `step:<name>` or `post_process[<index>]:<name or type>`.
        var key: String {
            switch self {
            case .runStep(let step): return "step:" + step.name
            case .postProcess(let index, let entry): return "post_process[\(index)]:" + (entry.name ?? entry.kind.rawValue)
            }
        }
    }

    /// Every task of the plan, in execution order.
    var items: [Item] {
        plan.runSteps.map(Item.runStep) + plan.config.postProcess.enumerated().map { Item.postProcess($0.offset, $0.element) }
    }

    func run() async {
        let items = self.items
        guard !items.isEmpty else { return }
        let manifest = try? store.readManifest()
        let context = CompletionContext(plan: plan, store: store, log: log, manifest: manifest)
        let fingerprint: String
        do {
            fingerprint = try CompletionRecord.fingerprint(of: store)
        } catch {
            context.log("POST-PROCESS", "cannot tell which completion tasks already ran (\(error)); running them all")
            fingerprint = ""
        }
        var record = CompletionRecord(fingerprint: fingerprint, manifest: manifest)
        let runSteps = Dictionary(plan.runSteps.map { (Item.runStep($0).key, $0.name) }, uniquingKeysWith: { first, _ in first })
        for task in items where !record.done.contains(task.key) {
            let succeeded: Bool
            do {
                switch task {
                case .runStep(let step): succeeded = try await RunStepTask(step: step, context: context).run()
                case .postProcess(_, let entry): succeeded = try await PostProcessTask(entry: entry, context: context).run()
                }
            } catch {
                context.log("POST-PROCESS", "completion tasks interrupted; the next resume runs the rest")
                return
            }
            guard !fingerprint.isEmpty else { continue }
            record.done.append(task.key)
            if !succeeded { record.failed.append(task.key) }
            do {
                try record.save(to: store, runSteps: runSteps)
            } catch {
                context.log("POST-PROCESS", "cannot record that '\(task.key)' ran: \(error)")
            }
        }
    }
}
