/// One entry of `pipeline.steps`: what kind of step it is and everything it needs.
///
/// Invariants: `name` is non-empty and unique in the pipeline; `scope` decides which other fields matter
/// (expression steps have `expressions`; fan_out steps have `field`; run steps have `script`); `dependsOn`
/// is nil when the YAML did not say (the loader then makes the step depend on the previous chunk step).
public struct StepConfig: Sendable, Equatable {
    public enum Scope: String, Sendable, CaseIterable {
        case chunk, expression, fanOut = "fan_out", run
    }

    public var name: String
    public var path: ConfigPath
    public var scope: Scope
    public var description: String?
    /// `prompt_template` on the step (the Python tool's orchestrator ignores it; we use it when
    /// `prompts.templates` has no entry for the step).
    public var promptTemplate: String?
    public var provider: String?
    public var model: String?

    // Expression steps.
    public var initExpressions: [NamedSource] = []
    public var expressions: [NamedSource] = []
    public var loopUntil: NamedSource?
    public var maxIterations: Int = 1000

    // Fan-out steps.
    public var field: String?
    public var childField: String?

    // Run-scoped steps.
    public var script: String?
    public var runOptions: [String: String] = [:]

    // Our extensions (documented in docs/configuration.md).
    public var dependsOn: [String]?
    public var temperature: Double?
    public var maxTokens: Int?
    /// A prompt template file for the system message.
    public var system: String?
    public var structuredOutput: Bool = false
    public var retryFeedback: Bool = false
    /// Expressions computing the offline mock provider's answer from the unit.
    public var mock: [NamedSource] = []

    public init(name: String, path: ConfigPath, scope: Scope) {
        self.name = name
        self.path = path
        self.scope = scope
    }

    /// Steps that call an LLM (scope chunk).
    public var isLLM: Bool { scope == .chunk }
}
