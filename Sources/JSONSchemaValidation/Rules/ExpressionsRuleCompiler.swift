import Basics
import Expressions

/// The production `RuleExpressionCompiler`: validation rules in the Expressions module's Python subset.
///
/// Invariants: each source is compiled once into a `CompiledExpression` (its own name table); evaluation binds
/// the record's fields as the names, like the Python tool's asteval context (with the Expressions module's
/// builtins, which are a superset of the tool's whitelist, so `dir()` works here: K8 fixed). Errors carry
/// the Python exception form (`NameError: name 'x' is not defined`).
public struct ExpressionsRuleCompiler: RuleExpressionCompiler {
    public init() {}

    public func compileRuleExpression(_ source: String) throws -> any RuleExpression {
        ExpressionsRule(expression: try CompiledExpression(source))
    }
}

/// One compiled rule expression (`expr`, `when`, or the `{_computed}` left-hand side).
struct ExpressionsRule: RuleExpression {
    let expression: CompiledExpression

    func evaluate(_ record: ValueObject) throws -> Value {
        try expression.evaluate(context: record)
    }
}
