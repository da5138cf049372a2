import Basics
import Pipeline
import Providers
import Runtime

/// `octobatch cancel RUN`: stops the process driving a run, cancels its batch jobs, marks it paused.
struct CancelCommand: Subcommand {
    static let name = "cancel"
    static let abstract = "Stop a run driven by another process and cancel its batch jobs (it stays resumable)"
    static let discussion = """
        Sends SIGTERM to the process holding the run's lock and waits up to 5 seconds for it to pause, then
        cancels the batch jobs recorded in the chunk states and marks the run paused. Unsettled units stay
        pending: 'octobatch run RUN' resumes them.
        """
    static let positionals = [PositionalSpec("RUN", help: "A run directory")]
    static let options: [OptionSpec] = []

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        let run = try RunDirectory.open(arguments.positionals[0], context: context)
        let plan = try? run.plan(context: context)
        let summary = try await RunCanceller.cancel(store: run.store) { handle in
            guard let plan else { throw CommandFailure("the run's config snapshot does not compile") }
            let client = try ProviderClients.make(handle.provider, plan: plan, options: RunOptions())
            try await client.cancelBatch(handle)
        }
        if let pid = summary.signalled {
            context.stdout.line(summary.stopped ? "Stopped process \(pid)." : "Process \(pid) still holds the run after 5 s; nothing else was changed.")
        }
        guard summary.stopped else { return .failure }
        let batches = summary.batchesCancelled + summary.batchesDropped
        if batches > 0 { context.stdout.line("Cancelled \(batches) batch job\(batches == 1 ? "" : "s").") }
        if !summary.batchesKept.isEmpty {
            context.stdout.line("Could not cancel \(summary.batchesKept.joined(separator: ", ")); the resume polls them.")
        }
        if summary.alreadyComplete {
            context.stdout.line("Run \(run.displayPath) is complete; nothing to cancel.")
            return .success
        }
        context.stdout.line("Run \(run.displayPath) is paused; resume with: octobatch run \(run.displayPath)")
        return .success
    }
}
