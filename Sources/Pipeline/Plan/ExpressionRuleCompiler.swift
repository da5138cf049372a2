import Basics
import Expressions
import JSONSchemaValidation

/// Compiles validation-rule expressions (`expr`, `when`) with the Expressions module.
///
/// Unlike the Python tool, rules see the full builtin set and `dir()` lists the record's fields, so
/// `when: "'wounds' in dir()"` works instead of silently skipping its rule (K8).
public struct ExpressionRuleCompiler: RuleExpressionCompiler {
    public init() {}

    public func compileRuleExpression(_ source: String) throws -> any RuleExpression {
        CompiledRule(expression: try CompiledExpression(source))
    }

    struct CompiledRule: RuleExpression {
        let expression: CompiledExpression
        func evaluate(_ record: ValueObject) throws -> Value {
            try expression.evaluate(context: record)
        }
    }
}
