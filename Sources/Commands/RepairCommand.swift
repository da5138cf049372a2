import Basics
import Runtime

/// `octobatch repair RUN`: removes duplicate records and reopens missing units so a resume requests them.
struct RepairCommand: Subcommand {
    static let name = "repair"
    static let abstract = "Remove duplicated records and reopen missing units of a run (then resume it with run)"
    static let positionals = [PositionalSpec("RUN", help: "A run directory")]
    static let options: [OptionSpec] = [.flag("--json", help: "Print the summary as JSON")]

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        let run = try RunDirectory.open(arguments.positionals[0], context: context)
        let summary = try RunRepairer.repair(runDirectory: run.store.paths.root, stepOrder: run.stepOrder,
                                             dependencies: run.dependencies,
                                             fanOutSteps: run.fanOutSteps(context: context), maxRetries: run.maxRetries)
        if arguments.flag("--json") {
            let removed = ValueObject(summary.removedDuplicates.sorted { $0.key < $1.key }.map { ($0.key, Value.int($0.value)) })
            let reopened = ValueObject(summary.reopened.sorted { $0.key < $1.key }.map { ($0.key, Value.array($0.value.map(Value.string))) })
            context.stdout.line(JSONWriter.python(["removed_duplicates": .object(removed), "reopened": .object(reopened)]))
        } else {
            context.stdout.line("Removed \(summary.totalRemoved) duplicate record\(summary.totalRemoved == 1 ? "" : "s"); reopened \(summary.reopened.count) chunk\(summary.reopened.count == 1 ? "" : "s").")
            if !summary.reopened.isEmpty { context.stdout.line("Resume with: octobatch run \(run.displayPath)") }
        }
        return .success
    }
}
