import Basics

/// Jinja2's expression grammar, precedence lowest first: conditional, `or`, `and`, `not`, comparisons
/// (`==`, `in`, `not in`, chained), `+ -`, `~`, `* / // %`, `**` (left-associative, as in Jinja2), unary
/// `- +`, primaries with postfix `.name`, `[…]`, calls, then filters `|f` and tests `is t`.
extension TemplateParser {
    mutating func parseExpression(withCondition: Bool = true) throws(TemplateError) -> Expression {
        try enter()
        defer { depth -= 1 }
        return withCondition ? try parseConditional() : try parseOr()
    }

    /// Comma-separated expressions become a tuple; a single one stays itself.
    mutating func parseTuple(withCondition: Bool, endNames: Set<String> = [], explicitParentheses: Bool = false)
        throws(TemplateError) -> Expression
    {
        let start = current.offset
        var items: [Expression] = []
        var isTuple = false
        while true {
            if !items.isEmpty { try expectOp(",") }
            if isTupleEnd(endNames) { break }
            items.append(try parseExpression(withCondition: withCondition))
            if current.isOp(",") { isTuple = true } else { break }
        }
        if !isTuple {
            if let only = items.first { return only }
            if !explicitParentheses { throw fail("Expected an expression, got '\(current.description)'") }
        }
        return .tuple(items, at: start)
    }

    private func isTupleEnd(_ endNames: Set<String>) -> Bool {
        switch current.kind {
        case .variableEnd, .blockEnd: return true
        case .op(let o): return o == ")"
        case .name(let n): return endNames.contains(n)
        default: return false
        }
    }

    private mutating func parseConditional() throws(TemplateError) -> Expression {
        let start = current.offset
        var expression = try parseOr()
        while skipKeyword("if") {
            let test = try parseOr()
            let otherwise = skipKeyword("else") ? try parseConditional() : nil
            expression = .conditional(test: test, then: expression, otherwise: otherwise, at: start)
        }
        return expression
    }

    private mutating func parseOr() throws(TemplateError) -> Expression {
        var left = try parseAnd()
        while skipKeyword("or") { left = .or(left, try parseAnd()) }
        return left
    }

    private mutating func parseAnd() throws(TemplateError) -> Expression {
        var left = try parseNot()
        while skipKeyword("and") { left = .and(left, try parseNot()) }
        return left
    }

    private mutating func parseNot() throws(TemplateError) -> Expression {
        if current.isName("not") {
            let at = current.offset
            advance()
            try enter()
            defer { depth -= 1 }
            return .not(try parseNot(), at: at)
        }
        return try parseCompare()
    }

    private mutating func parseCompare() throws(TemplateError) -> Expression {
        let start = current.offset
        let first = try parseMath1()
        var operations: [(op: CompareOperator, operand: Expression)] = []
        while true {
            if case .op(let o) = current.kind, let op = CompareOperator(rawValue: o), op != .isIn, op != .notIn {
                advance()
                operations.append((op, try parseMath1()))
            } else if skipKeyword("in") {
                operations.append((.isIn, try parseMath1()))
            } else if current.isName("not"), lookahead.isName("in") {
                advance(); advance()
                operations.append((.notIn, try parseMath1()))
            } else {
                break
            }
        }
        return operations.isEmpty ? first : .compare(first, operations, at: start)
    }

    private mutating func parseMath1() throws(TemplateError) -> Expression {
        let start = current.offset
        var left = try parseConcat()
        while case .op(let o) = current.kind, o == "+" || o == "-" {
            advance()
            left = .binary(o == "+" ? .add : .subtract, left, try parseConcat(), at: start)
        }
        return left
    }

    private mutating func parseConcat() throws(TemplateError) -> Expression {
        let start = current.offset
        var items = [try parseMath2()]
        while current.isOp("~") {
            advance()
            items.append(try parseMath2())
        }
        return items.count == 1 ? items[0] : .concat(items, at: start)
    }

    private mutating func parseMath2() throws(TemplateError) -> Expression {
        let start = current.offset
        var left = try parsePower()
        while case .op(let o) = current.kind, ["*", "/", "//", "%"].contains(o),
              let op = BinaryOperator(rawValue: o) {
            advance()
            left = .binary(op, left, try parsePower(), at: start)
        }
        return left
    }

    private mutating func parsePower() throws(TemplateError) -> Expression {
        let start = current.offset
        var left = try parseUnary(withFilter: true)
        while current.isOp("**") {
            advance()
            left = .binary(.power, left, try parseUnary(withFilter: true), at: start)
        }
        return left
    }

    private mutating func parseUnary(withFilter: Bool) throws(TemplateError) -> Expression {
        try enter()
        defer { depth -= 1 }
        let at = current.offset
        var node: Expression
        if current.isOp("-") {
            advance()
            node = .unary(.negate, try parseUnary(withFilter: false), at: at)
        } else if current.isOp("+") {
            advance()
            node = .unary(.plus, try parseUnary(withFilter: false), at: at)
        } else {
            node = try parsePrimary()
        }
        node = try parsePostfix(node)
        if withFilter { node = try parseFilterExpression(node) }
        return node
    }

    mutating func parsePrimary() throws(TemplateError) -> Expression {
        let token = current
        switch token.kind {
        case .name(let n):
            advance()
            switch n {
            case "true", "True": return .literal(.bool(true))
            case "false", "False": return .literal(.bool(false))
            case "none", "None": return .literal(.null)
            default: return .name(n, at: token.offset)
            }
        case .string(let s):
            advance()
            var text = s
            while case .string(let more) = current.kind {
                text += more
                advance()
            }
            return .literal(.string(text))
        case .integer(let i):
            advance()
            return .literal(.int(i))
        case .float(let d):
            advance()
            return .literal(.double(d))
        case .op("("):
            advance()
            let inner = try parseTuple(withCondition: true, explicitParentheses: true)
            try expectOp(")")
            return inner
        case .op("["):
            return try parseList()
        case .op("{"):
            return try parseDict()
        default:
            throw fail("unexpected '\(token.description)'")
        }
    }

    private mutating func parseList() throws(TemplateError) -> Expression {
        let at = current.offset
        try expectOp("[")
        var items: [Expression] = []
        while !current.isOp("]") {
            if !items.isEmpty { try expectOp(",") }
            if current.isOp("]") { break }
            items.append(try parseExpression())
        }
        try expectOp("]")
        return .list(items, at: at)
    }

    private mutating func parseDict() throws(TemplateError) -> Expression {
        let at = current.offset
        try expectOp("{")
        var items: [(key: Expression, value: Expression)] = []
        while !current.isOp("}") {
            if !items.isEmpty { try expectOp(",") }
            if current.isOp("}") { break }
            let key = try parseExpression()
            try expectOp(":")
            items.append((key, try parseExpression()))
        }
        try expectOp("}")
        return .dict(items, at: at)
    }

    private mutating func parsePostfix(_ node: Expression) throws(TemplateError) -> Expression {
        var node = node
        while true {
            if current.isOp(".") || current.isOp("[") {
                node = try parseSubscript(node)
            } else if current.isOp("(") {
                let at = current.offset
                node = .call(node, try parseCallArguments(), at: at)
            } else {
                return node
            }
        }
    }

    private mutating func parseFilterExpression(_ node: Expression) throws(TemplateError) -> Expression {
        var node = node
        while true {
            if current.isOp("|") {
                advance()
                let at = current.offset
                let name = try parseDottedName()
                let arguments = current.isOp("(") ? try parseCallArguments() : .none
                node = .filter(node, name: name, arguments, at: at)
            } else if current.isName("is") {
                node = try parseTest(node)
            } else if current.isOp("(") {
                let at = current.offset
                node = .call(node, try parseCallArguments(), at: at)
            } else {
                return node
            }
        }
    }

    private mutating func parseTest(_ node: Expression) throws(TemplateError) -> Expression {
        advance()
        let negated = skipKeyword("not")
        let at = current.offset
        let name = try parseDottedName()
        var arguments = Arguments.none
        if current.isOp("(") {
            arguments = try parseCallArguments()
        } else if startsTestArgument() {
            if current.isName("is") { throw fail("You cannot chain multiple tests with is") }
            arguments.positional = [try parsePostfix(try parsePrimary())]
        }
        return .test(node, name: name, arguments, negated: negated, at: at)
    }

    private func startsTestArgument() -> Bool {
        switch current.kind {
        case .name(let n): return n != "else" && n != "or" && n != "and"
        case .string, .integer, .float: return true
        case .op(let o): return o == "(" || o == "[" || o == "{"
        default: return false
        }
    }

    private mutating func parseSubscript(_ node: Expression) throws(TemplateError) -> Expression {
        let at = current.offset
        if current.isOp(".") {
            advance()
            let token = current
            advance()
            switch token.kind {
            case .name(let n): return .attribute(node, n, at: token.offset)
            case .integer(let i): return .item(node, .literal(.int(i)), at: at)
            default: throw fail("expected name or number", at: token.offset)
            }
        }
        try expectOp("[")
        var arguments: [Expression] = []
        var sliceParts: (Expression?, Expression?, Expression?)? = nil
        while !current.isOp("]") {
            if !arguments.isEmpty || sliceParts != nil { try expectOp(",") }
            let (expression, slice) = try parseSubscribed()
            if let slice {
                sliceParts = slice
            } else if let expression {
                arguments.append(expression)
            }
        }
        try expectOp("]")
        if let (start, stop, step) = sliceParts, arguments.isEmpty {
            return .slice(node, start: start, stop: stop, step: step, at: at)
        }
        if sliceParts != nil { throw TemplateError(.unsupported, "multi-dimensional slices are not supported",
                                                   at: source.location(at)) }
        if arguments.count == 1 { return .item(node, arguments[0], at: at) }
        return .item(node, .tuple(arguments, at: at), at: at)
    }

    /// One subscript: an expression, or a slice `start:stop:step` with any part omitted.
    private mutating func parseSubscribed() throws(TemplateError)
        -> (Expression?, (Expression?, Expression?, Expression?)?)
    {
        var start: Expression? = nil
        if !current.isOp(":") {
            let expression = try parseExpression()
            guard current.isOp(":") else { return (expression, nil) }
            start = expression
        }
        advance()
        var stop: Expression? = nil
        if !current.isOp("]"), !current.isOp(","), !current.isOp(":") { stop = try parseExpression() }
        var step: Expression? = nil
        if current.isOp(":") {
            advance()
            if !current.isOp("]"), !current.isOp(",") { step = try parseExpression() }
        }
        return (nil, (start, stop, step))
    }

    mutating func parseCallArguments() throws(TemplateError) -> Arguments {
        let openAt = current.offset
        try expectOp("(")
        var arguments = Arguments()
        var requireComma = false
        func ensure(_ ok: Bool) throws(TemplateError) {
            if !ok { throw fail("invalid syntax for function call expression", at: openAt) }
        }
        while !current.isOp(")") {
            if requireComma {
                try expectOp(",")
                if current.isOp(")") { break }
            }
            if current.isOp("*") {
                try ensure(arguments.spreadPositional == nil && arguments.spreadKeyword == nil)
                advance()
                arguments.spreadPositional = try parseExpression()
            } else if current.isOp("**") {
                try ensure(arguments.spreadKeyword == nil)
                advance()
                arguments.spreadKeyword = try parseExpression()
            } else if case .name(let key) = current.kind, lookahead.isOp("=") {
                try ensure(arguments.spreadKeyword == nil)
                advance(); advance()
                arguments.keyword.append((key, try parseExpression()))
            } else {
                try ensure(arguments.spreadPositional == nil && arguments.spreadKeyword == nil
                           && arguments.keyword.isEmpty)
                arguments.positional.append(try parseExpression())
            }
            requireComma = true
        }
        try expectOp(")")
        return arguments
    }
}
