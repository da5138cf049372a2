import Basics
import Expressions
import Pipeline

/// Builds the variables a step's template sees for one unit, as the Python tool does (reference §1.12):
/// the unit's fields, then `processing.expressions` results, then `config` (the whole config), then each
/// top-level config section not already present, then `prompts.global_context`, which overrides.
struct PromptContext: Sendable {
    let config: Value
    let sections: ValueObject
    let globalContext: ValueObject
    let expressions: [(name: String, expression: CompiledExpression)]

    init(plan: ExecutionPlan) {
        config = .object(plan.config.document)
        sections = plan.config.document
        globalContext = plan.config.prompts.globalContext
        expressions = plan.processingExpressions
    }

    func context(for unit: ValueObject, step: String) throws(ExpressionError) -> ValueObject {
        var context = unit
        if !expressions.isEmpty {
            let random = PythonRandom(seed: ExpressionStep.seed(for: unit, stepName: step))
            var scope = unit
            for (name, expression) in expressions {
                let value = try expression.evaluate(context: scope, random: random)
                scope[name] = value
                context[name] = value
            }
        }
        if !context.contains("config") { context["config"] = config }
        for (key, value) in sections where !context.contains(key) { context[key] = value }
        for (key, value) in globalContext { context[key] = value }
        return context
    }
}
