import Basics

/// Compiles the expression strings of validation rules (`expr`, `when`, and the left-hand side used for
/// `{_computed}`). The pipeline plugs in the Expressions module; tests use a small double.
///
/// Invariant: `compileRuleExpression` is called once per expression, at load time; a thrown error is a
/// fault of the pipeline config (reported as a diagnostic), never of a model answer.
public protocol RuleExpressionCompiler: Sendable {
    func compileRuleExpression(_ source: String) throws -> any RuleExpression
}

/// A compiled rule expression, evaluated against one record.
///
/// Invariant: evaluation is pure with respect to the record; a thrown error's description is put into
/// the failure message (`… (expression error: <description>)`).
public protocol RuleExpression: Sendable {
    func evaluate(_ record: ValueObject) throws -> Value
}
