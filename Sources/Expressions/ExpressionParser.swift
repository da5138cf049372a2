import Basics

/// The expression dialect: Python (asteval subset) or Jinja2's expression grammar on the same evaluator.
public enum ExpressionDialect: Sendable, Equatable {
    case python
    case jinja
}

/// Recursive-descent parser from tokens to `ExpressionNode`, following CPython's expression grammar (or
/// Jinja2's in the `.jinja` dialect).
///
/// Invariants: the whole input must be one expression (trailing tokens are a syntax error); statements and
/// constructs outside the sandbox (assignment, walrus, lambda, import, yield, await, `*` unpacking in
/// displays) are rejected with a `.notSupported` or `.syntax` error at their position. Nesting deeper than
/// `maxDepth` is a `.limit` error, so hostile input cannot overflow the stack.
public struct ExpressionParser {
    var tokens: [Token]
    var position = 0
    let dialect: ExpressionDialect
    var depth = 0
    public static let maxDepth = 100

    init(tokens: [Token], dialect: ExpressionDialect) {
        self.tokens = tokens
        self.dialect = dialect
    }

    /// Parses `source` as one expression.
    public static func parse(_ source: String, dialect: ExpressionDialect = .python) throws(ExpressionError) -> ExpressionNode {
        try parse(source, baseOffset: 0, dialect: dialect)
    }

    static func parse(_ source: String, baseOffset: Int, dialect: ExpressionDialect) throws(ExpressionError) -> ExpressionNode {
        do {
            var lexer = Lexer(source, baseOffset: baseOffset, jinja: dialect == .jinja)
            var parser = ExpressionParser(tokens: try lexer.tokenize(), dialect: dialect)
            return try parser.parseWhole()
        } catch let error as ExpressionError {
            throw error
        } catch {
            throw ExpressionError(.syntax, "\(error)")
        }
    }

    var current: Token { tokens[position] }
    var peekToken: Token { tokens[min(position + 1, tokens.count - 1)] }

    mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    func syntaxError(_ message: String, _ token: Token? = nil) -> ExpressionError {
        let t = token ?? current
        return ExpressionError(.syntax, message, offset: t.offset, length: t.length)
    }

    func notSupported(_ message: String, _ token: Token? = nil) -> ExpressionError {
        let t = token ?? current
        return ExpressionError(.notSupported, message, offset: t.offset, length: t.length)
    }

    mutating func expectOp(_ spelling: String) throws -> Token {
        guard current.isOp(spelling) else {
            if current.kind == .end { throw syntaxError("expected '\(spelling)' but the expression ended") }
            throw syntaxError("expected '\(spelling)', found '\(current.text)'")
        }
        return advance()
    }

    mutating func acceptOp(_ spelling: String) -> Bool {
        if current.isOp(spelling) { _ = advance(); return true }
        return false
    }

    mutating func acceptName(_ word: String) -> Bool {
        if current.isName(word) { _ = advance(); return true }
        return false
    }

    mutating func enter() throws {
        depth += 1
        if depth > ExpressionParser.maxDepth {
            throw ExpressionError(.limit, "expression nested too deeply (more than \(ExpressionParser.maxDepth) levels)",
                                  offset: current.offset)
        }
    }

    mutating func parseWhole() throws -> ExpressionNode {
        let first = current
        if first.kind == .name {
            switch first.text {
            case "import", "from":
                throw notSupported("import is not supported in expressions")
            case "def", "class", "del", "global", "nonlocal", "return", "pass", "raise", "try", "while", "for",
                 "with", "assert", "break", "continue":
                if dialect == .python { throw notSupported("'\(first.text)' statements are not supported in expressions") }
            default: break
            }
        }
        let node = try parseExpressionList()
        if current.kind != .end {
            if current.isOp("=") || ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="]
                .contains(where: { current.isOp($0) }) {
                throw notSupported("assignment is not supported in expressions")
            }
            throw syntaxError("unexpected '\(current.text)'")
        }
        return node
    }

    /// `a, b` at the top level or inside parentheses gives a tuple.
    mutating func parseExpressionList() throws -> ExpressionNode {
        let first = try parseTest()
        guard current.isOp(",") else { return first }
        var items = [first]
        while acceptOp(",") {
            if startsExpression(current) { items.append(try parseTest()) } else { break }
        }
        return ExpressionNode(.tuple(items), offset: first.offset)
    }

    func startsExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .name:
            return !["for", "if", "else", "in", "and", "or", "is"].contains(token.text)
        case .int, .float, .string, .fstring: return true
        case .op: return ["(", "[", "{", "-", "+", "~"].contains(token.text)
        case .end: return false
        }
    }

    /// test: or_test ['if' or_test 'else' test] | lambda
    mutating func parseTest() throws -> ExpressionNode {
        try enter()
        defer { depth -= 1 }
        if current.isName("lambda") { throw notSupported("lambda is not supported in expressions") }
        if current.isName("yield") || current.isName("await") {
            throw notSupported("'\(current.text)' is not supported in expressions")
        }
        let body = try parseOr()
        if current.isOp(":=") { throw notSupported("assignment expressions (:=) are not supported") }
        guard current.isName("if") else { return body }
        let ifToken = advance()
        let test = try parseOr()
        if dialect == .jinja && !current.isName("else") {
            return ExpressionNode(.conditional(test: test, body: body, orElse: nil), offset: ifToken.offset, length: 2)
        }
        guard acceptName("else") else { throw syntaxError("expected 'else' after conditional expression") }
        let orElse = try parseTest()
        return ExpressionNode(.conditional(test: test, body: body, orElse: orElse), offset: ifToken.offset, length: 2)
    }

    mutating func parseOr() throws -> ExpressionNode {
        let first = try parseAnd()
        guard current.isName("or") else { return first }
        let op = current
        var items = [first]
        while acceptName("or") { items.append(try parseAnd()) }
        return ExpressionNode(.boolean(isAnd: false, items), offset: op.offset, length: 2)
    }

    mutating func parseAnd() throws -> ExpressionNode {
        let first = try parseNot()
        guard current.isName("and") else { return first }
        let op = current
        var items = [first]
        while acceptName("and") { items.append(try parseNot()) }
        return ExpressionNode(.boolean(isAnd: true, items), offset: op.offset, length: 3)
    }

    mutating func parseNot() throws -> ExpressionNode {
        if current.isName("not") {
            let op = advance()
            try enter()
            defer { depth -= 1 }
            let operand = try parseNot()
            return ExpressionNode(.unary(.not, operand), offset: op.offset, length: 3)
        }
        return try parseComparison()
    }

    mutating func compareOperator() -> (CompareOperator, Token)? {
        let t = current
        if t.kind == .op {
            switch t.text {
            case "==": return (.equal, t)
            case "!=": return (.notEqual, t)
            case "<": return (.less, t)
            case "<=": return (.lessEqual, t)
            case ">": return (.greater, t)
            case ">=": return (.greaterEqual, t)
            default: return nil
            }
        }
        if t.isName("in") { return (.isIn, t) }
        if t.isName("not") && peekToken.isName("in") { return (.notIn, t) }
        if dialect == .python && t.isName("is") { return peekToken.isName("not") ? (.isNotSame, t) : (.isSame, t) }
        return nil
    }

    mutating func parseComparison() throws -> ExpressionNode {
        let first = try parseComparand()
        var rest: [(op: CompareOperator, operand: ExpressionNode)] = []
        var opToken = current
        while let (op, token) = compareOperator() {
            if rest.isEmpty { opToken = token }
            _ = advance()
            if op == .notIn || op == .isNotSame { _ = advance() }
            rest.append((op, try parseComparand()))
        }
        if rest.isEmpty { return first }
        return ExpressionNode(.compare(first, rest), offset: opToken.offset, length: opToken.length)
    }

    mutating func parseComparand() throws -> ExpressionNode {
        dialect == .python ? try parseBinary(level: 0) : try parseJinjaMath1()
    }

    static let pythonLevels: [[String]] = [["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "//", "%", "@"]]

    /// Left-associative binary levels: | ^ & shifts additive multiplicative, then unary/power.
    mutating func parseBinary(level: Int) throws -> ExpressionNode {
        if level == ExpressionParser.pythonLevels.count { return try parseFactor() }
        var left = try parseBinary(level: level + 1)
        while current.kind == .op, ExpressionParser.pythonLevels[level].contains(current.text),
              let op = BinaryOperator(rawValue: current.text) {
            let token = advance()
            let right = try parseBinary(level: level + 1)
            left = ExpressionNode(.binary(op, left, right), offset: token.offset, length: token.length)
        }
        return left
    }

    /// factor: ('+'|'-'|'~') factor | power
    mutating func parseFactor() throws -> ExpressionNode {
        if current.kind == .op, let op = ["+": UnaryOperator.plus, "-": .minus, "~": .invert][current.text] {
            let token = advance()
            try enter()
            defer { depth -= 1 }
            let operand = try parseFactor()
            if op == .minus, case .literal(let v) = operand.kind, operand.offset == token.offset + 1 {
                if case .int(let i) = v, i != Int.min { return ExpressionNode(.literal(.int(-i)), offset: token.offset) }
                if case .double(let d) = v { return ExpressionNode(.literal(.double(-d)), offset: token.offset) }
            }
            return ExpressionNode(.unary(op, operand), offset: token.offset)
        }
        return try parsePower()
    }

    /// power: primary ['**' factor]
    mutating func parsePower() throws -> ExpressionNode {
        let base = try parsePostfix(try parseAtom())
        guard current.isOp("**") else { return base }
        let token = advance()
        let exponent = try parseFactor()
        return ExpressionNode(.binary(.power, base, exponent), offset: token.offset, length: 2)
    }

    // MARK: Jinja levels: math1 (+ -) > concat (~) > math2 (* / // %) > pow > unary

    mutating func parseJinjaMath1() throws -> ExpressionNode {
        var left = try parseJinjaConcat()
        while current.isOp("+") || current.isOp("-") {
            let token = advance()
            let right = try parseJinjaConcat()
            left = ExpressionNode(.binary(token.text == "+" ? .add : .subtract, left, right), offset: token.offset)
        }
        return left
    }

    mutating func parseJinjaConcat() throws -> ExpressionNode {
        var left = try parseJinjaMath2()
        while current.isOp("~") {
            let token = advance()
            let right = try parseJinjaMath2()
            left = ExpressionNode(.binary(.concatenate, left, right), offset: token.offset)
        }
        return left
    }

    mutating func parseJinjaMath2() throws -> ExpressionNode {
        var left = try parseJinjaPow()
        while current.kind == .op, ["*", "/", "//", "%"].contains(current.text),
              let op = BinaryOperator(rawValue: current.text) {
            let token = advance()
            let right = try parseJinjaPow()
            left = ExpressionNode(.binary(op, left, right), offset: token.offset, length: token.length)
        }
        return left
    }

    mutating func parseJinjaPow() throws -> ExpressionNode {
        var left = try parseJinjaUnary(withFilter: true)
        while current.isOp("**") {
            let token = advance()
            let right = try parseJinjaUnary(withFilter: true)
            left = ExpressionNode(.binary(.power, left, right), offset: token.offset, length: 2)
        }
        return left
    }

    mutating func parseJinjaUnary(withFilter: Bool) throws -> ExpressionNode {
        var node: ExpressionNode
        if current.isOp("-") || current.isOp("+") {
            let token = advance()
            try enter()
            defer { depth -= 1 }
            let operand = try parseJinjaUnary(withFilter: false)
            node = ExpressionNode(.unary(token.text == "-" ? .minus : .plus, operand), offset: token.offset)
        } else {
            node = try parsePostfix(try parseAtom())
        }
        return withFilter ? try parseFilterChain(node) : node
    }
}
