import Basics

/// A Jinja expression as parsed: the tree the renderer evaluates and the free-variable analysis walks.
///
/// Invariants: every node that can fail at render time carries `at`, the source offset of its first token
/// (turned into file/line/column only when an error is reported); literals are already Python values.
indirect enum Expression: Sendable {
    case literal(Value)
    case name(String, at: Int)
    case list([Expression], at: Int)
    case tuple([Expression], at: Int)
    case dict([(key: Expression, value: Expression)], at: Int)
    /// `a.b`: Jinja's getattr (attribute, then item).
    case attribute(Expression, String, at: Int)
    /// `a[b]`: Jinja's getitem (item, then attribute for string keys).
    case item(Expression, Expression, at: Int)
    case slice(Expression, start: Expression?, stop: Expression?, step: Expression?, at: Int)
    case call(Expression, Arguments, at: Int)
    /// `value | name(args)`.
    case filter(Expression, name: String, Arguments, at: Int)
    /// `value is [not] name(args)`.
    case test(Expression, name: String, Arguments, negated: Bool, at: Int)
    case unary(UnaryOperator, Expression, at: Int)
    case binary(BinaryOperator, Expression, Expression, at: Int)
    /// `a ~ b ~ c`: string concatenation of `str()` of each operand.
    case concat([Expression], at: Int)
    /// `a < b <= c`: a chained comparison, evaluated as Python does.
    case compare(Expression, [(op: CompareOperator, operand: Expression)], at: Int)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case not(Expression, at: Int)
    /// `then if test else otherwise`; without `else` the result is undefined when the test fails.
    case conditional(test: Expression, then: Expression, otherwise: Expression?, at: Int)

    /// The offset of the expression's first token, when known.
    var offset: Int? {
        switch self {
        case .literal: return nil
        case .name(_, let at), .list(_, let at), .tuple(_, let at), .dict(_, let at), .attribute(_, _, let at),
             .item(_, _, let at), .slice(_, _, _, _, let at), .call(_, _, let at), .filter(_, _, _, let at),
             .test(_, _, _, _, let at), .unary(_, _, let at), .binary(_, _, _, let at), .concat(_, let at),
             .compare(_, _, let at), .not(_, let at), .conditional(_, _, _, let at):
            return at
        case .and(let a, _), .or(let a, _): return a.offset
        }
    }
}

/// Positional and keyword arguments of a call, filter or test, in source order within each kind.
struct Arguments: Sendable {
    var positional: [Expression] = []
    var keyword: [(name: String, value: Expression)] = []
    /// `*args` and `**kwargs` spread in the call, if any.
    var spreadPositional: Expression? = nil
    var spreadKeyword: Expression? = nil

    static let none = Arguments()
}

/// Prefix `-` and `+`.
enum UnaryOperator: Sendable { case negate, plus }

/// Arithmetic operators; the raw value is the spelling (used in Python's error messages).
enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%", power = "**"
}

/// Comparison and membership operators of a (possibly chained) comparison.
enum CompareOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case isIn = "in", notIn = "not in"
}
