import Basics
import Pipeline
import Providers
import Runtime

/// `octobatch plan PIPELINE`: the step DAG with providers and models, unit and chunk counts, and the cost.
struct PlanCommand: Subcommand {
    static let name = "plan"
    static let abstract = "Show the step graph, providers, unit and chunk counts, and the estimated cost"
    static let discussion = """
        The estimate renders the prompts of a few sample units exactly as a run would (earlier expression steps
        are evaluated; earlier LLM answers come from the steps' mock expressions or their schemas) and prices
        them with the model registry; output tokens come from the size each step's schema implies. Steps after
        a fan-out are lower bounds.
        """
    static let positionals = [PositionalSpec("PIPELINE", help: "A pipeline folder or its config.yaml")]
    static let options: [OptionSpec] = PlanOptions.options + [.flag("--json", help: "Print JSON")]

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        let (report, pipeline) = try PlanOptions.compile(arguments, context: context)
        guard let plan = report.plan else { throw DiagnosticsError(report.diagnostics) }
        let registry = try RegistryLoader.load(environment: DotEnv.merged(into: context.environment,
                                                                          from: context.currentDirectory))
        let estimate = try CostEstimator.estimate(plan: plan, unitCount: report.unitCount ?? 0, registry: registry)
        if arguments.flag("--json") {
            var object = PlanSummary.json(report, pipeline: pipeline).objectValue ?? [:]
            object["estimate"] = estimate.value
            context.stdout.line(JSONWriter.python(.object(object)))
            return .success
        }
        var sources = DiagnosticSources.load(for: report.diagnostics, relativeTo: context.currentDirectory)
        sources[pipeline.source.displayPath] = pipeline.document.source
        context.stderr.write(DiagnosticRenderer(sources: sources, color: context.useColorOnStderr).render(report.diagnostics))
        context.stdout.write(PlanSummary.text(report, pipeline: pipeline))
        context.stdout.write(EstimateTable.text(estimate))
        return .success
    }
}

/// The cost estimate as a table.
enum EstimateTable {
    static func text(_ estimate: CostEstimate) -> String {
        guard !estimate.steps.isEmpty else { return "No LLM steps: the run costs nothing.\n" }
        var rows = [["STEP", "PROVIDER/MODEL", "UNITS", "IN/UNIT", "OUT/UNIT", "REALTIME", "BATCH"]]
        for s in estimate.steps {
            rows.append([s.step + (s.lowerBound ? " (≥)" : ""), "\(s.provider)/\(s.model)", "\(s.units)",
                         "\(s.inputTokensPerUnit)", "\(s.outputTokensPerUnit)", money(s.realtimeUSD), money(s.batchUSD)])
        }
        rows.append(["total" + (estimate.lowerBound ? " (at least)" : ""), "", "", "", "",
                     money(estimate.realtimeUSD), money(estimate.batchUSD)])
        return "Estimated cost (prompts of \(estimate.sampleSize) sample units):\n" + TextTable.render(rows)
    }

    static func money(_ value: Double?) -> String {
        guard let value else { return "unknown" }
        return value < 0.01 && value > 0 ? String(format: "$%.4f", value) : String(format: "$%.2f", value)
    }
}
