import Basics

/// A parsed expression: a node kind plus its position (Unicode-scalar offset and length in the source).
///
/// Invariants: the tree is immutable once parsed; `offset` points at the token that best identifies the
/// node (the operator for binary operations, the `(` for calls), so errors point where Python would.
public struct ExpressionNode: Sendable {
    /// The node's construct; children are complete nodes with their own positions.
    public indirect enum Kind: Sendable {
        case literal(Value)
        case name(String)
        case list([ExpressionNode])
        case tuple([ExpressionNode])
        case set([ExpressionNode])
        case dict([(key: ExpressionNode, value: ExpressionNode)])
        case unary(UnaryOperator, ExpressionNode)
        case binary(BinaryOperator, ExpressionNode, ExpressionNode)
        /// `and` (true) / `or` (false) over two or more operands.
        case boolean(isAnd: Bool, [ExpressionNode])
        case compare(ExpressionNode, [(op: CompareOperator, operand: ExpressionNode)])
        /// `body if test else orElse`; `orElse` nil only in the Jinja dialect (`a if b`).
        case conditional(test: ExpressionNode, body: ExpressionNode, orElse: ExpressionNode?)
        case call(ExpressionNode, [Argument])
        case attribute(ExpressionNode, String)
        case `subscript`(ExpressionNode, ExpressionNode)
        case slice(ExpressionNode?, ExpressionNode?, ExpressionNode?)
        case comprehension(ComprehensionKind, element: ExpressionNode, value: ExpressionNode?,
                           clauses: [ComprehensionClause])
        case formatted([FormattedPart])
        /// Jinja `value | name(args)`.
        case filter(ExpressionNode, name: String, [Argument])
        /// Jinja `value is [not] name(args)`.
        case test(ExpressionNode, name: String, [Argument], negated: Bool)
    }

    public var kind: Kind
    public var offset: Int
    public var length: Int

    public init(_ kind: Kind, offset: Int, length: Int = 1) {
        self.kind = kind
        self.offset = offset
        self.length = max(1, length)
    }
}

/// A prefix operator; `rawValue` is its spelling.
public enum UnaryOperator: String, Sendable {
    case plus = "+", minus = "-", invert = "~", not = "not"
}

/// An infix arithmetic/bitwise operator (and Jinja's `~`); `rawValue` is its spelling.
public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", trueDivide = "/", floorDivide = "//", modulo = "%"
    case power = "**", leftShift = "<<", rightShift = ">>", bitAnd = "&", bitOr = "|", bitXor = "^"
    case matrixMultiply = "@"
    /// Jinja `~`: str(a) + str(b).
    case concatenate = "~"
}

/// A comparison operator of a (possibly chained) comparison; `rawValue` is its spelling.
public enum CompareOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case isIn = "in", notIn = "not in", isSame = "is", isNotSame = "is not"
}

/// A call argument: positional, `name=value`, `*seq` or `**mapping`.
public struct Argument: Sendable {
    /// How the argument is passed.
    public enum Kind: Sendable, Equatable { case positional, keyword(String), star, doubleStar }
    public var kind: Kind
    public var value: ExpressionNode
}

/// What a comprehension builds (generators are evaluated eagerly into a list).
public enum ComprehensionKind: Sendable { case list, set, dict, generator }

/// `for target in iterable if cond...`; `target` is a name or a (nested) tuple of names.
public struct ComprehensionClause: Sendable {
    public var target: AssignmentTarget
    public var iterable: ExpressionNode
    public var conditions: [ExpressionNode]
}

/// A name or a tuple/list of targets (`for k, v in ...`).
public indirect enum AssignmentTarget: Sendable {
    case name(String, offset: Int)
    case unpack([AssignmentTarget], offset: Int)

    var names: [String] {
        switch self {
        case .name(let n, _): return [n]
        case .unpack(let items, _): return items.flatMap(\.names)
        }
    }
}

/// A piece of an f-string: literal text, or a replacement field `{expr!conv:spec}`.
public enum FormattedPart: Sendable {
    case text(String)
    /// `conversion` is `r`, `s`, `a` or nil; `spec` is itself a list of parts (it may contain fields).
    case field(ExpressionNode, conversion: Character?, spec: [FormattedPart])
}
