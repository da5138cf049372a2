import Basics
import Pipeline
import Providers
import Runtime

/// `octobatch retry RUN`: more attempts for the units that failed for good, then the resume of `run RUN`.
struct RetryCommand: Subcommand {
    static let name = "retry"
    static let abstract = "Give units that failed for good a fresh retry budget and resume the run"
    static let discussion = """
        Only failed units are requested again — never valid units, never whole chunks — and only those whose
        failure another attempt may fix (parse, schema_validation, validation, provider_error). Each gets
        --max-retries more attempts (default: the run's retry budget); then the run resumes as
        'octobatch run RUN' would, and the steps after the retried one continue with the units that now pass.

        EXAMPLES:
          octobatch retry runs/npcdialog_20261121_101500
          octobatch retry runs/npcdialog_20261121_101500 --step generate --max-retries 2
        """
    static let positionals = [PositionalSpec("RUN", help: "A run directory")]
    static let options: [OptionSpec] = [
        .value("--step", "S", help: "Only this step (default: every LLM step)"),
        .value("--max-retries", "N", help: "More attempts per failed unit (default: the run's retry budget)"),
    ] + RunCommand.executionOptions.filter { $0.name != "--max-retries" }

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        let run = try RunDirectory.open(arguments.positionals[0], context: context)
        let extra = try arguments.int("--max-retries", range: 1...100) ?? max(1, run.manifest.metadata.recordedMaxRetries)
        var options = try RunCommand.runOptions(arguments)
        // The resume keeps the base budget the bonus was computed against.
        options.maxRetries = run.manifest.metadata.recordedMaxRetries
        let plan = try run.plan(context: context)
        let grants: [RunRetrier.StepGrant]
        do {
            grants = try RunRetrier.grant(store: run.store, plan: plan, step: arguments.value("--step"), extraRetries: extra)
        } catch let error as RunRetrier.RetryError {
            throw UsageError(error.description, command: name)
        }
        guard !grants.isEmpty else {
            context.stdout.line("Nothing to retry: no unit of \(arguments.value("--step") ?? "any LLM step") failed for good in a retryable way.")
            return .success
        }
        for grant in grants {
            context.stderr.line("\(grant.step): \(grant.units) failed unit\(grant.units == 1 ? "" : "s") in \(grant.chunks) chunk\(grant.chunks == 1 ? "" : "s") get up to \(extra) more attempt\(extra == 1 ? "" : "s") (retry budget now \(grant.budget))")
        }
        let environment = DotEnv.merged(into: context.environment, from: context.currentDirectory)
        let registry = try RegistryLoader.load(environment: environment)
        return try await RunCommand.execute(store: run.store, plan: plan, options: options, registry: registry,
                                            arguments: arguments, context: context)
    }
}
