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

/// Python truthiness and equality, as validation rules need them.
public enum PythonSemantics {
    /// `bool(value)` in Python.
    public static func isTruthy(_ value: Value) -> Bool {
        switch value {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .array(let a), .tuple(let a), .set(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        }
    }

    /// Python `==` (`True == 1 == 1.0`, dicts without regard to order).
    public static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): return x == y
        case let (.object(x), .object(y)):
            guard x.count == y.count else { return false }
            return x.allSatisfy { key, value in y[key].map { equal(value, $0) } ?? false }
        case let (.array(x), .array(y)), let (.tuple(x), .tuple(y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.null, .null): return true
        default:
            guard let x = numeric(a), let y = numeric(b) else { return false }
            return x == y
        }
    }

    private static func numeric(_ value: Value) -> Double? {
        switch value {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
}
