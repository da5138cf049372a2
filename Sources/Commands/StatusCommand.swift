import Basics
import Runtime

/// `octobatch status RUN`: where a run stands, step by step.
struct StatusCommand: Subcommand {
    static let name = "status"
    static let abstract = "Show a run's state: per-step progress, tokens, cost, and whether it is running"
    static let positionals = [PositionalSpec("RUN", help: "A run directory")]
    static let options: [OptionSpec] = [.flag("--json", help: "Print JSON")]

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        let run = try RunDirectory.open(arguments.positionals[0], context: context)
        let summary = try RunStatusSummary.make(run)
        if arguments.flag("--json") {
            context.stdout.line(JSONWriter.python(summary.value))
            return .success
        }
        let m = run.manifest
        var out = "Run \(run.displayPath): \(summary.status)"
        if let pid = summary.driver { out += " (pid \(pid))" }
        out += "\n  pipeline \(m.metadata.pipelineName), \(m.metadata.provider ?? "-")/\(m.metadata.model ?? "-"), \(m.metadata.mode)\n"
        out += "  \(summary.units) units in \(summary.chunks) chunks, \(summary.chunksDone) done\n"
        var rows = [["STEP", "VALID", "FAILED", "CHUNKS DONE"]]
        for step in summary.steps { rows.append([step.name, "\(step.valid)", "\(step.failed)", "\(step.chunksDone)/\(summary.chunks)"]) }
        out += TextTable.render(rows).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        out += "  tokens: \(summary.tokens) (retries \(summary.retryTokens)); cost: " + (m.metadata.cost.map { "$" + PythonFloat.repr(($0 * 10_000).rounded() / 10_000) } ?? "unknown") + "\n"
        if let error = m.errorMessage { out += "  error: \(error)\n" }
        if summary.status == "paused" || summary.status == "stopped" { out += "  resume with: octobatch run \(run.displayPath)\n" }
        context.stdout.write(out)
        return .success
    }
}

/// The numbers `status` and `ps` show, read from the manifest and the chunk state files.
struct RunStatusSummary {
    struct Step { var name: String; var valid = 0; var failed = 0; var chunksDone = 0 }
    var status: String
    var driver: Int32?
    var units = 0
    var chunks = 0
    var chunksDone = 0
    var steps: [Step] = []
    var tokens = 0
    var retryTokens = 0
    var cost: Double?
    var pipeline = ""
    var created = ""

    static func make(_ run: RunDirectory) throws -> RunStatusSummary {
        let m = run.manifest
        var summary = RunStatusSummary(status: RunLiveness.status(m, store: run.store), driver: RunLiveness.driver(of: run.store))
        summary.pipeline = m.metadata.pipelineName
        summary.created = m.created
        summary.cost = m.metadata.cost
        summary.tokens = m.metadata.initialInputTokens + m.metadata.initialOutputTokens + m.metadata.retryInputTokens
            + m.metadata.retryOutputTokens
        summary.retryTokens = m.metadata.retryInputTokens + m.metadata.retryOutputTokens
        var steps = run.stepOrder.map { Step(name: $0) }
        for name in try run.store.chunkNames() {
            let state = try run.store.readState(name)
            summary.chunks += 1
            summary.units += state.items
            if state.isDone { summary.chunksDone += 1 }
            for i in steps.indices {
                let progress = state[steps[i].name]
                steps[i].valid += progress.valid
                steps[i].failed += progress.failed
                if progress.status == .done { steps[i].chunksDone += 1 }
            }
        }
        summary.steps = steps
        return summary
    }

    var value: Value {
        [
            "status": .string(status), "pid": driver.map { .int(Int($0)) } ?? .null, "pipeline": .string(pipeline),
            "created": .string(created), "units": .int(units), "chunks": .int(chunks), "chunks_done": .int(chunksDone),
            "steps": .array(steps.map { ["step": .string($0.name), "valid": .int($0.valid), "failed": .int($0.failed),
                                         "chunks_done": .int($0.chunksDone)] }),
            "tokens": .int(tokens), "retry_tokens": .int(retryTokens), "cost_usd": cost.map(Value.double) ?? .null,
        ]
    }
}
