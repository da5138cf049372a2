import Basics

/// Decodes a pipeline config document into `PipelineConfig`, collecting every problem in one pass.
///
/// Invariants: returns a config only if no error was reported; each diagnostic has a stable id
/// (`config.unknown-key`, `config.wrong-type`, `config.missing-key`, `config.bad-value`,
/// `config.duplicate-step`, `config.ignored-key`) and points at the key or value it is about.
public struct PipelineConfigDecoder {
    public static let topLevelKeys = ["pipeline", "processing", "api", "prompts", "schemas", "validation",
                                      "post_process", "monitoring", "max_retries"]
    public static let stepKeys = [
        "name", "scope", "description", "prompt_template", "provider", "model", "expressions", "init",
        "loop_until", "max_iterations", "field", "child_field", "script", "output_dir", "filename_expression",
        "content_expression", "compression", "upload", "requests_per_triple", "outputs_per_request",
        "depends_on", "temperature", "max_tokens", "system", "structured_output", "retry_feedback", "mock",
    ]

    /// Provider names accepted in `provider:` keys (checked against the registry by the linter).
    public var knownProviders: [String]
    let locator: any SourceLocator

    public init(locator: any SourceLocator, knownProviders: [String] = ["openai", "anthropic", "gemini", "mock"]) {
        self.locator = locator
        self.knownProviders = knownProviders
    }

    /// Decodes `document` (the YAML value of config.yaml at `configFile`).
    public func decode(_ document: Value, configFile: String, configDirectory: String,
                       into diagnostics: inout DiagnosticCollector) -> PipelineConfig? {
        let before = diagnostics.errorCount
        guard case .object(let root) = document else {
            diagnostics.error("config.wrong-type", "the config must be a mapping with a 'pipeline' section",
                              at: locator.location(of: ConfigPath(), key: false))
            return nil
        }
        var top = ConfigReader(path: ConfigPath(), object: root, locator: locator)
        var name = PathName(path: configDirectory).lastComponent
        var steps: [StepConfig] = []
        if var pipeline = top.child("pipeline", required: true, into: &diagnostics) {
            if let given = pipeline.string("name", into: &diagnostics) { name = given }
            if let list = pipeline.list("steps", required: true, into: &diagnostics) {
                if list.isEmpty {
                    diagnostics.error("config.bad-value", "'pipeline.steps' must list at least one step",
                                      at: pipeline.location("steps"))
                }
                steps = decodeSteps(list, into: &diagnostics)
            }
            pipeline.finish(allowed: ["name", "steps"], into: &diagnostics)
        }
        var processing = ProcessingConfig(generation: UnitGenerationSpec(), chunkSize: 100, itemsSource: nil)
        if var reader = top.child("processing", required: true, into: &diagnostics) {
            processing = decodeProcessing(&reader, into: &diagnostics)
        }
        var api = APIConfig()
        if var reader = top.child("api", into: &diagnostics) { api = decodeAPI(&reader, into: &diagnostics) }
        var prompts = PipelineConfig.Prompts()
        if var reader = top.child("prompts", into: &diagnostics) { prompts = decodePrompts(&reader, into: &diagnostics) }
        var schemas = PipelineConfig.Schemas()
        if var reader = top.child("schemas", into: &diagnostics) { schemas = decodeSchemas(&reader, into: &diagnostics) }
        var validation: [String: PipelineConfig.StepValidation] = [:]
        if var reader = top.child("validation", into: &diagnostics) {
            validation = decodeValidation(&reader, into: &diagnostics)
        }
        var postProcess: [PipelineConfig.PostProcess] = []
        if let list = top.list("post_process", into: &diagnostics) {
            postProcess = decodePostProcess(list, into: &diagnostics)
        }
        var monitoring: ValueObject = [:]
        if let reader = top.child("monitoring", into: &diagnostics) { monitoring = reader.object }
        _ = top.int("max_retries", minimum: 0, into: &diagnostics)
        top.finish(allowed: Self.topLevelKeys, into: &diagnostics)

        guard diagnostics.errorCount == before else { return nil }
        return PipelineConfig(
            name: name, configFile: configFile, configDirectory: configDirectory, steps: steps,
            processing: processing, api: api, prompts: prompts, schemas: schemas, validation: validation,
            postProcess: postProcess, monitoring: monitoring, document: root)
    }

    func decodeSteps(_ list: [(ConfigPath, Value)], into diagnostics: inout DiagnosticCollector) -> [StepConfig] {
        var steps: [StepConfig] = []
        var seen: [String: ConfigPath] = [:]
        for (path, value) in list {
            guard case .object(let object) = value else {
                diagnostics.error("config.wrong-type", "'\(path)' must be a mapping with at least 'name'",
                                  at: locator.location(of: path, key: false))
                continue
            }
            var reader = ConfigReader(path: path, object: object, locator: locator)
            guard let step = decodeStep(&reader, into: &diagnostics) else { continue }
            if let first = seen[step.name] {
                diagnostics.error("config.duplicate-step", "step name '\(step.name)' is used twice",
                                  at: reader.location("name"),
                                  notes: [.init("first used here", at: locator.location(of: first.appending("name"), key: false))])
                continue
            }
            seen[step.name] = path
            steps.append(step)
        }
        return steps
    }

    func decodeStep(_ r: inout ConfigReader, into d: inout DiagnosticCollector) -> StepConfig? {
        let name = r.string("name", required: true, into: &d)
        let scopeChoice = r.choice("scope", StepConfig.Scope.allCases.map(\.rawValue), into: &d)
        let scope = StepConfig.Scope(rawValue: scopeChoice ?? "chunk") ?? .chunk
        // A misspelt scope was reported; checks that depend on the scope would only add noise.
        let scopeKnown = scopeChoice != nil || r.object["scope"]?.isNull ?? true
        var step = StepConfig(name: name ?? "", path: r.path, scope: scope)
        if let name, name.isEmpty {
            d.error("config.bad-value", "'\(r.path).name' must not be empty", at: r.location("name"))
        }
        step.description = r.string("description", into: &d)
        step.promptTemplate = r.string("prompt_template", into: &d)
        step.provider = r.choice("provider", knownProviders, caseInsensitive: true, into: &d)
        step.model = r.string("model", into: &d)
        step.initExpressions = r.expressionMap("init", into: &d) ?? []
        step.expressions = r.expressionMap("expressions", into: &d) ?? []
        if let text = r.string("loop_until", into: &d) {
            step.loopUntil = NamedSource(name: "loop_until", source: text, path: r.path.appending("loop_until"))
        }
        step.maxIterations = r.int("max_iterations", minimum: 1, into: &d) ?? 1000
        step.field = r.string("field", into: &d)
        step.childField = r.string("child_field", into: &d)
        step.script = r.string("script", into: &d)
        for key in ["output_dir", "filename_expression", "content_expression", "compression"] {
            if let value = r.string(key, into: &d) { step.runOptions[key] = value }
        }
        for ignored in ["upload", "requests_per_triple", "outputs_per_request"] where r.has(ignored) {
            _ = r.raw(ignored)
            d.warning("config.ignored-key", "'\(r.path.appending(ignored))' is not used by Octobatch",
                      at: r.location(ignored, keyItself: true))
        }
        if r.has("depends_on") {
            if case .string(let single)? = r.object["depends_on"] {
                _ = r.raw("depends_on")
                step.dependsOn = [single]
            } else {
                step.dependsOn = r.stringList("depends_on", into: &d)
            }
        }
        step.temperature = r.number("temperature", minimum: 0, maximum: 2, into: &d)
        step.maxTokens = r.int("max_tokens", minimum: 1, into: &d)
        step.system = r.string("system", into: &d)
        step.structuredOutput = r.bool("structured_output", into: &d) ?? false
        step.retryFeedback = r.bool("retry_feedback", into: &d) ?? false
        step.mock = r.expressionMap("mock", into: &d) ?? []

        switch scopeKnown ? scope : nil {
        case .expression? where step.expressions.isEmpty:
            d.error("config.missing-key", "expression step '\(step.name)' needs a non-empty 'expressions' mapping",
                    at: r.location(), help: "add 'expressions:' with name: expression pairs")
        case .fanOut? where step.field == nil:
            d.error("config.missing-key", "fan_out step '\(step.name)' needs 'field' (the list to expand)",
                    at: r.location())
        case .run? where step.script == nil:
            d.error("config.missing-key", "run step '\(step.name)' needs 'script'", at: r.location())
        default:
            break
        }
        if scopeKnown, scope != .expression,
           let first = ["init", "expressions", "loop_until"].first(where: { r.object[$0].map { !$0.isNull } ?? false }) {
            d.warning("config.ignored-key", "'\(first)' only applies to expression steps, and '\(step.name)' is a \(scope.rawValue) step",
                      at: r.location(first, keyItself: true),
                      help: "add 'scope: expression' to the step, or remove 'init', 'expressions' and 'loop_until'")
        }
        r.finish(allowed: Self.stepKeys, into: &d)
        return name == nil ? nil : step
    }
}

/// The last component of a file path.
struct PathName {
    let path: String
    var lastComponent: String {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }
}
