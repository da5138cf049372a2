import Basics
import Expressions
import JSONSchemaValidation

/// A pipeline ready to run: every template, expression, schema and rule compiled, providers resolved.
///
/// Invariants: built only by `PlanCompiler` when `validate` found no errors, so a run never discovers a
/// syntax error halfway; `steps` has an entry for every name in `graph.order`; immutable and `Sendable`.
public struct ExecutionPlan: Sendable {
    public let pipeline: LoadedPipeline
    public let graph: StepGraph
    public let steps: [String: PlannedStep]
    public let runSteps: [StepConfig]
    /// `processing.expressions`, evaluated per unit before each LLM step's rendering.
    public let processingExpressions: [(name: String, expression: CompiledExpression)]
    /// Unit generation with the command-line overrides applied.
    public let generation: UnitGenerationSpec
    public let maxUnits: Int?
    public let chunkSize: Int

    public var config: PipelineConfig { pipeline.config }
    public var orderedSteps: [PlannedStep] { graph.order.compactMap { steps[$0] } }
}

/// One chunk step of the plan.
public struct PlannedStep: Sendable {
    public enum Work: Sendable {
        case expression(ExpressionStep)
        case llm(LLMWork)
        case fanOut(field: String, childField: String)
    }

    public let config: StepConfig
    public let dependencies: [String]
    public let work: Work
    /// Two-phase validation of the step's output (LLM steps; expression steps with a `validation` entry).
    public let validator: StepAnswerValidator?
    public var name: String { config.name }
}

/// What an LLM step needs at run time.
public struct LLMWork: Sendable {
    public let resolution: ProviderResolution
    public let template: PromptTemplate
    public let systemTemplate: PromptTemplate?
    /// The step's JSON Schema document (for structured output and the mock provider's synthesis).
    public let schemaDocument: Value?
    /// `mock:` expressions computing the offline answer.
    public let mock: [(name: String, expression: CompiledExpression)]
}
