import Basics
import Expressions
import Foundation
import JSONSchemaValidation
import Providers

/// What `validate` and `plan` report: every finding, the plan when there were no errors, and the counts.
public struct PlanReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var plan: ExecutionPlan?
    public var unitCount: Int?
    public var chunkCount: Int?
    public var resolutions: [String: ProviderResolution] = [:]
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Command-line choices that change what a run does.
public struct PlanOverrides: Sendable, Equatable {
    public var provider: String?
    public var model: String?
    public var maxUnits: Int?
    public var repeatCount: Int?

    public init(provider: String? = nil, model: String? = nil, maxUnits: Int? = nil, repeatCount: Int? = nil) {
        self.provider = provider
        self.model = model
        self.maxUnits = maxUnits
        self.repeatCount = repeatCount
    }
}

/// Checks a loaded pipeline as a whole and compiles it into an `ExecutionPlan` (the `validate` engine).
///
/// Invariants: collects every finding of every step in one pass (a broken step does not hide the next);
/// a name is reported undefined only when every upstream producer of names is known (an upstream LLM step
/// without schema properties makes the check stand down rather than raise false errors).
public struct PlanCompiler {
    let pipeline: LoadedPipeline
    let overrides: PlanOverrides
    let registry: ModelRegistry
    let environment: [String: String]
    var diagnostics = DiagnosticCollector()
    /// LLM steps for which nothing names a provider (reported once, together).
    var stepsWithoutProvider: [StepConfig] = []

    public init(pipeline: LoadedPipeline, overrides: PlanOverrides, registry: ModelRegistry,
                environment: [String: String]) {
        self.pipeline = pipeline
        self.overrides = overrides
        self.registry = registry
        self.environment = environment
    }

    var config: PipelineConfig { pipeline.config }
    var locator: YAMLSourceLocator { pipeline.locator }

    public static func compile(_ pipeline: LoadedPipeline, overrides: PlanOverrides = PlanOverrides(),
                               registry: ModelRegistry, environment: [String: String]) -> PlanReport {
        var compiler = PlanCompiler(pipeline: pipeline, overrides: overrides, registry: registry,
                                    environment: environment)
        return compiler.run()
    }

    mutating func run() -> PlanReport {
        diagnostics.add(contentsOf: pipeline.warnings)
        var generation = config.processing.generation
        if let repeatCount = overrides.repeatCount { generation.repeatCount = repeatCount }
        let units = sampleUnits(generation)
        var report = PlanReport(diagnostics: [], plan: nil, unitCount: units.count)
        if let count = units.count { report.chunkCount = (count + config.processing.chunkSize - 1) / config.processing.chunkSize }

        let graph = StepGraph.build(steps: config.steps, locator: locator, into: &diagnostics)
        checkLinkEntries()
        var names = NameAvailability(unitFields: units.fields, config: config)
        var planned: [String: PlannedStep] = [:]
        if let graph {
            for name in graph.order {
                guard let step = config.step(named: name) else { continue }
                let available = names.available(at: name, graph: graph)
                if let compiled = compileStep(step, dependencies: graph.dependencies[name] ?? [], available: available) {
                    planned[name] = compiled
                    if case .llm(let work) = compiled.work { report.resolutions[name] = work.resolution }
                }
                names.record(step: step, schema: schemaDocument(for: step))
                checkRuleNames(step, available: names.available(after: name, graph: graph))
            }
        }
        reportMissingProvider()
        let processing = compileNamedExpressions(config.processing.expressions, context: "processing.expressions",
                                                 available: names.everything)
        checkAPIKeys(report.resolutions)
        report.diagnostics = diagnostics.diagnostics
        if !diagnostics.hasErrors, let graph, planned.count == graph.order.count {
            report.plan = ExecutionPlan(
                pipeline: pipeline, graph: graph, steps: planned, runSteps: config.runSteps,
                processingExpressions: processing, generation: generation, maxUnits: overrides.maxUnits,
                chunkSize: config.processing.chunkSize)
        }
        return report
    }

    mutating func reportMissingProvider() {
        guard let first = stepsWithoutProvider.first else { return }
        let names = stepsWithoutProvider.map { "'\($0.name)'" }.joined(separator: ", ")
        diagnostics.error(
            "provider.none", "no provider is chosen for LLM step\(stepsWithoutProvider.count == 1 ? "" : "s") \(names)",
            at: locator.location(of: first.path.appending("name"), key: false),
            help: "pass --provider (\(registry.providerNames.joined(separator: ", "))), or set 'api.provider' or a step's 'provider'; '--provider mock' runs offline")
    }

    /// Unit count and the field names of the first units (for name checks).
    mutating func sampleUnits(_ generation: UnitGenerationSpec) -> (count: Int?, fields: [String]) {
        let items: Value
        do {
            items = try PipelineLoader.items(of: pipeline)
        } catch {
            diagnostics.add(contentsOf: error.diagnostics)
            return (nil, [])
        }
        let generator = UnitGenerator(spec: generation)
        do {
            let count = try generator.unitCount(items: items, maxUnits: overrides.maxUnits)
            var fields: [String] = []
            var seen = Set<String>()
            try generator.forEachUnit(items: items, maxUnits: min(200, max(1, count))) { unit in
                for key in unit.keys where seen.insert(key).inserted { fields.append(key) }
            }
            if count == 0 {
                diagnostics.warning("units.none", "the items produce no units",
                                    at: locator.location(of: ConfigPath([.key("processing"), .key("items")]), key: false))
            }
            return (count, fields)
        } catch let error as UnitGenerationError {
            diagnostics.error(error.id, error.message, at: location(of: error))
        } catch {
            diagnostics.error("units.failed", "\(error)")
        }
        return (nil, [])
    }
}
