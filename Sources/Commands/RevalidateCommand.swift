import Basics
import Pipeline
import Providers
import Runtime

/// `octobatch revalidate RUN`: judges the stored answers of failed units again, with no API call.
struct RevalidateCommand: Subcommand {
    static let name = "revalidate"
    static let abstract = "Validate the stored answers of failed units again (no API calls)"
    static let discussion = """
        Every failure record with a stored raw answer goes through parsing, the schema and the rules again,
        with the run's config snapshot or, with --use-source-config, the source pipeline's current config
        (e.g. after relaxing a rule). Units that pass now join <step>_validated.jsonl and leave the failures;
        the steps after them are reopened — resume with 'octobatch run RUN'. Refused while the run is driven.

        EXAMPLES:
          octobatch revalidate runs/npcdialog_20261121_101500 --use-source-config
        """
    static let positionals = [PositionalSpec("RUN", help: "A run directory")]
    static let options: [OptionSpec] = [
        .value("--step", "S", help: "Only this step (default: every LLM step)"),
        .flag("--use-source-config", help: "Use the source pipeline's current config instead of the run's snapshot"),
        .flag("--json", help: "Print the counts as JSON"),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        let run = try RunDirectory.open(arguments.positionals[0], context: context)
        var config: String?
        if arguments.flag("--use-source-config") {
            guard let source = run.manifest.metadata.extra["source_pipeline"]?.stringValue else {
                throw CommandFailure("the run does not record its source pipeline (manifest metadata source_pipeline)")
            }
            config = source
        }
        let plan = try run.plan(context: context, config: config)
        let results: [RunRevalidator.StepResult]
        do {
            results = try RunRevalidator.revalidate(store: run.store, plan: plan, step: arguments.value("--step"))
        } catch let error as RunRetrier.RetryError {
            throw UsageError(error.description, command: name)
        }
        if arguments.flag("--json") {
            context.stdout.line(JSONWriter.python(.array(results.map {
                ["step": .string($0.step), "failures": .int($0.failures), "passed": .int($0.passed),
                 "reopened_chunks": .int($0.reopenedChunks)]
            })))
            return .success
        }
        for result in results {
            context.stdout.line("\(result.step): \(result.passed) of \(result.failures) failures now pass")
        }
        let reopened = results.reduce(0) { $0 + $1.reopenedChunks }
        if reopened > 0 {
            context.stdout.line("The steps after the promoted units are pending in \(reopened) chunk\(reopened == 1 ? "" : "s"); continue with: octobatch run \(run.displayPath)")
        }
        return .success
    }
}
