import Basics
import Pipeline
import Providers
import Runtime

/// `octobatch validate PIPELINE`: every mistake, located, before any money is spent; and what the run will do.
struct ValidateCommand: Subcommand {
    static let name = "validate"
    static let abstract = "Check a pipeline and show what a run would do and cost, without calling any API"
    static let discussion = """
        Checks config.yaml keys and types, the step graph, templates, expressions and rules (including the
        names they use at each step), JSON Schemas, providers and models, API keys and the items file.
        Exit status: 0 when there are no errors (warnings allowed), 2 otherwise.

        EXAMPLES:
          octobatch validate pipelines/DrunkenSailor --provider mock
          octobatch validate pipelines/NPCDialog --provider openai --json
        """
    static let positionals = [PositionalSpec("PIPELINE", help: "A pipeline folder or its config.yaml")]
    static let options: [OptionSpec] = PlanOptions.options + [.flag("--json", help: "Print the findings and summary as JSON")]

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        let (report, pipeline) = try PlanOptions.compile(arguments, context: context)
        if arguments.flag("--json") {
            context.stdout.line(JSONWriter.python(PlanSummary.json(report, pipeline: pipeline)))
        } else {
            var sources = DiagnosticSources.load(for: report.diagnostics, relativeTo: context.currentDirectory)
            sources[pipeline.source.displayPath] = pipeline.document.source
            let renderer = DiagnosticRenderer(sources: sources, color: context.useColorOnStderr)
            context.stderr.write(renderer.render(report.diagnostics))
            context.stdout.write(PlanSummary.text(report, pipeline: pipeline))
            if let plan = report.plan, let registry = try? RegistryLoader.load(environment: context.environment),
               let estimate = try? CostEstimator.estimate(plan: plan, unitCount: report.unitCount ?? 0, registry: registry,
                                                          sampleSize: 5) {
                context.stdout.line("Estimated cost: \(EstimateTable.money(estimate.realtimeUSD)) realtime, \(EstimateTable.money(estimate.batchUSD)) batch"
                                    + (estimate.lowerBound ? " (at least)" : ""))
            }
        }
        return report.hasErrors ? .usage : .success
    }
}

/// The options shared by `validate`, `plan` and `run` that shape the plan.
enum PlanOptions {
    static let options: [OptionSpec] = [
        .value("--provider", "P", help: "Provider for every LLM step (openai, anthropic, gemini, mock)"),
        .value("--model", "M", help: "Model for every LLM step"),
        .value("--max-units", "N", help: "Only the first N units"),
        .value("--repeat", "N", help: "Override processing.repeat"),
    ]

    static func compile(_ arguments: ParsedArguments, context: CommandContext) throws -> (PlanReport, LoadedPipeline) {
        let overrides = PlanOverrides(
            provider: arguments.value("--provider")?.lowercased(), model: arguments.value("--model"),
            maxUnits: try arguments.int("--max-units", range: 0...Int.max),
            repeatCount: try arguments.int("--repeat", range: 1...10_000_000))
        let environment = DotEnv.merged(into: context.environment, from: context.currentDirectory)
        let registry = try RegistryLoader.load(environment: environment)
        if let provider = overrides.provider, registry.provider(named: provider) == nil {
            throw UsageError("unknown provider '\(provider)'",
                             help: EditDistance.didYouMean(provider, in: registry.providerNames)
                                ?? "known providers: \(registry.providerNames.joined(separator: ", "))",
                             command: arguments.command)
        }
        let source = try PipelineSource.resolve(arguments.positionals[0], currentDirectory: context.currentDirectory)
        let pipeline = try PipelineLoader.load(source, registry: registry)
        let report = PlanCompiler.compile(pipeline, overrides: overrides, registry: registry, environment: environment)
        return (report, pipeline)
    }
}
