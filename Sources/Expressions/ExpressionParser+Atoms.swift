import Basics

/// Atoms (literals, names, displays, comprehensions), trailers (calls, subscripts, attributes) and Jinja
/// filters/tests.
extension ExpressionParser {
    mutating func parseAtom() throws -> ExpressionNode {
        let token = current
        switch token.kind {
        case .int:
            _ = advance()
            return ExpressionNode(.literal(.int(token.intValue)), offset: token.offset, length: token.length)
        case .float:
            _ = advance()
            return ExpressionNode(.literal(.double(token.doubleValue)), offset: token.offset, length: token.length)
        case .string, .fstring:
            return try parseStrings()
        case .name:
            return try parseNameAtom()
        case .op:
            switch token.text {
            case "(": return try parseParenthesized()
            case "[": return try parseListDisplay()
            case "{": return try parseBraceDisplay()
            case "*": throw notSupported("'*' unpacking is not supported here")
            default: throw syntaxError("unexpected '\(token.text)'")
            }
        case .end:
            throw syntaxError("unexpected end of expression")
        }
    }

    mutating func parseNameAtom() throws -> ExpressionNode {
        let token = advance()
        let node = { (v: Value) in ExpressionNode(.literal(v), offset: token.offset, length: token.length) }
        switch token.text {
        case "True": return node(.bool(true))
        case "False": return node(.bool(false))
        case "None": return node(.null)
        case "true", "false", "none":
            if dialect == .jinja { return node(token.text == "none" ? .null : .bool(token.text == "true")) }
        case "lambda": throw notSupported("lambda is not supported in expressions", token)
        case "yield", "await": throw notSupported("'\(token.text)' is not supported in expressions", token)
        case "and", "or", "not", "if", "else", "for", "in", "is", "import", "from", "def", "class", "return",
             "del", "pass", "raise", "global", "nonlocal", "while", "try", "except", "finally", "with", "as",
             "assert", "break", "continue", "elif":
            if dialect == .python || ["and", "or", "not", "if", "else", "in", "is"].contains(token.text) {
                throw syntaxError("invalid syntax: unexpected keyword '\(token.text)'", token)
            }
        default: break
        }
        return ExpressionNode(.name(token.text), offset: token.offset, length: token.length)
    }

    /// Adjacent string literals concatenate; any f-string among them makes the whole an f-string.
    mutating func parseStrings() throws -> ExpressionNode {
        let first = current
        var parts: [FormattedPart] = []
        var hasFormat = false
        var end = first.offset + first.length
        while current.kind == .string || current.kind == .fstring {
            let t = advance()
            end = t.offset + t.length
            if t.kind == .string {
                parts.append(.text(t.text))
            } else {
                hasFormat = true
                let raw = t.doubleValue == 1
                parts += try FormattedStringParser.parse(t.text, bodyOffset: t.bodyOffset, raw: raw, dialect: dialect)
            }
        }
        if !hasFormat {
            let text = parts.map { if case .text(let s) = $0 { return s } else { return "" } }.joined()
            return ExpressionNode(.literal(.string(text)), offset: first.offset, length: end - first.offset)
        }
        return ExpressionNode(.formatted(parts), offset: first.offset, length: end - first.offset)
    }

    mutating func parseParenthesized() throws -> ExpressionNode {
        let open = advance()
        try enter()
        defer { depth -= 1 }
        if acceptOp(")") { return ExpressionNode(.tuple([]), offset: open.offset) }
        let first = try parseTest()
        if current.isName("for") {
            let clauses = try parseComprehensionClauses()
            _ = try expectOp(")")
            return ExpressionNode(.comprehension(.generator, element: first, value: nil, clauses: clauses),
                                  offset: open.offset)
        }
        if acceptOp(")") { return first }
        var items = [first]
        while acceptOp(",") {
            if current.isOp(")") { break }
            items.append(try parseTest())
        }
        _ = try expectOp(")")
        return ExpressionNode(.tuple(items), offset: open.offset)
    }

    mutating func parseListDisplay() throws -> ExpressionNode {
        let open = advance()
        try enter()
        defer { depth -= 1 }
        if acceptOp("]") { return ExpressionNode(.list([]), offset: open.offset) }
        let first = try parseTest()
        if current.isName("for") {
            let clauses = try parseComprehensionClauses()
            _ = try expectOp("]")
            return ExpressionNode(.comprehension(.list, element: first, value: nil, clauses: clauses), offset: open.offset)
        }
        var items = [first]
        while acceptOp(",") {
            if current.isOp("]") { break }
            items.append(try parseTest())
        }
        _ = try expectOp("]")
        return ExpressionNode(.list(items), offset: open.offset)
    }

    mutating func parseBraceDisplay() throws -> ExpressionNode {
        let open = advance()
        try enter()
        defer { depth -= 1 }
        if acceptOp("}") { return ExpressionNode(.dict([]), offset: open.offset) }
        if current.isOp("**") { throw notSupported("'**' unpacking in dict displays is not supported") }
        let first = try parseTest()
        if acceptOp(":") {
            let value = try parseTest()
            if current.isName("for") {
                let clauses = try parseComprehensionClauses()
                _ = try expectOp("}")
                return ExpressionNode(.comprehension(.dict, element: first, value: value, clauses: clauses),
                                      offset: open.offset)
            }
            var pairs = [(key: first, value: value)]
            while acceptOp(",") {
                if current.isOp("}") { break }
                if current.isOp("**") { throw notSupported("'**' unpacking in dict displays is not supported") }
                let key = try parseTest()
                _ = try expectOp(":")
                pairs.append((key, try parseTest()))
            }
            _ = try expectOp("}")
            return ExpressionNode(.dict(pairs), offset: open.offset)
        }
        if current.isName("for") {
            let clauses = try parseComprehensionClauses()
            _ = try expectOp("}")
            return ExpressionNode(.comprehension(.set, element: first, value: nil, clauses: clauses), offset: open.offset)
        }
        var items = [first]
        while acceptOp(",") {
            if current.isOp("}") { break }
            items.append(try parseTest())
        }
        _ = try expectOp("}")
        return ExpressionNode(.set(items), offset: open.offset)
    }

    mutating func parseComprehensionClauses() throws -> [ComprehensionClause] {
        if dialect == .jinja { throw syntaxError("comprehensions are not part of Jinja's expression syntax") }
        var clauses: [ComprehensionClause] = []
        while current.isName("for") {
            _ = advance()
            let target = try parseTargetList()
            guard acceptName("in") else { throw syntaxError("expected 'in' in comprehension") }
            let iterable = try parseOr()
            var conditions: [ExpressionNode] = []
            while current.isName("if") {
                _ = advance()
                conditions.append(try parseOr())
            }
            clauses.append(ComprehensionClause(target: target, iterable: iterable, conditions: conditions))
        }
        if current.isName("async") { throw notSupported("async comprehensions are not supported") }
        return clauses
    }

    mutating func parseTargetList() throws -> AssignmentTarget {
        let start = current
        let first = try parseTarget()
        guard current.isOp(",") else { return first }
        var items = [first]
        while acceptOp(",") {
            if current.isName("in") { break }
            items.append(try parseTarget())
        }
        return .unpack(items, offset: start.offset)
    }

    mutating func parseTarget() throws -> AssignmentTarget {
        let token = current
        if token.kind == .name, !["in", "for", "if"].contains(token.text) {
            _ = advance()
            return .name(token.text, offset: token.offset)
        }
        if token.isOp("(") || token.isOp("[") {
            let close = token.text == "(" ? ")" : "]"
            _ = advance()
            var items: [AssignmentTarget] = []
            while !current.isOp(close) {
                items.append(try parseTarget())
                if !acceptOp(",") { break }
            }
            _ = try expectOp(close)
            return .unpack(items, offset: token.offset)
        }
        throw syntaxError("invalid comprehension target")
    }

    // MARK: trailers

    mutating func parsePostfix(_ start: ExpressionNode) throws -> ExpressionNode {
        var node = start
        while true {
            if current.isOp("(") {
                let open = advance()
                let args = try parseArguments(close: ")")
                node = ExpressionNode(.call(node, args), offset: open.offset)
            } else if current.isOp("[") {
                let open = advance()
                let index = try parseSubscript()
                _ = try expectOp("]")
                node = ExpressionNode(.subscript(node, index), offset: open.offset)
            } else if current.isOp(".") {
                _ = advance()
                let nameToken = current
                if nameToken.kind == .name {
                    _ = advance()
                    if nameToken.text.hasPrefix("__") || (dialect == .python && nameToken.text.hasPrefix("_")
                        && nameToken.text.hasSuffix("_") && nameToken.text.count > 1) {
                        if nameToken.text.hasPrefix("__") {
                            throw notSupported("access to dunder attribute '\(nameToken.text)' is not allowed", nameToken)
                        }
                    }
                    node = ExpressionNode(.attribute(node, nameToken.text), offset: nameToken.offset,
                                          length: nameToken.length)
                } else if dialect == .jinja && nameToken.kind == .int {
                    _ = advance()
                    let index = ExpressionNode(.literal(.int(nameToken.intValue)), offset: nameToken.offset)
                    node = ExpressionNode(.subscript(node, index), offset: nameToken.offset)
                } else {
                    throw syntaxError("expected an attribute name after '.'")
                }
            } else {
                return node
            }
        }
    }

    mutating func parseSubscript() throws -> ExpressionNode {
        let start = current
        func part(_ p: inout ExpressionParser) throws -> ExpressionNode? {
            if p.current.isOp(":") || p.current.isOp("]") || p.current.isOp(",") { return nil }
            return try p.parseTest()
        }
        let lower = try part(&self)
        var node: ExpressionNode
        if acceptOp(":") {
            let upper = try part(&self)
            var step: ExpressionNode?
            if acceptOp(":") { step = try part(&self) }
            node = ExpressionNode(.slice(lower, upper, step), offset: start.offset)
        } else if let lower {
            node = lower
        } else {
            throw syntaxError("expected an index")
        }
        if current.isOp(",") {
            var items = [node]
            while acceptOp(",") {
                if current.isOp("]") { break }
                items.append(try parseTest())
            }
            node = ExpressionNode(.tuple(items), offset: start.offset)
        }
        return node
    }

    mutating func parseArguments(close: String) throws -> [Argument] {
        var args: [Argument] = []
        while !current.isOp(close) {
            if acceptOp("*") {
                args.append(Argument(kind: .star, value: try parseTest()))
            } else if acceptOp("**") {
                args.append(Argument(kind: .doubleStar, value: try parseTest()))
            } else if current.kind == .name, peekToken.isOp("=") {
                let name = advance().text
                _ = advance()
                args.append(Argument(kind: .keyword(name), value: try parseTest()))
            } else {
                let value = try parseTest()
                if current.isName("for") {
                    let clauses = try parseComprehensionClauses()
                    let generator = ExpressionNode(.comprehension(.generator, element: value, value: nil, clauses: clauses),
                                                   offset: value.offset)
                    args.append(Argument(kind: .positional, value: generator))
                } else {
                    args.append(Argument(kind: .positional, value: value))
                }
            }
            if !acceptOp(",") { break }
        }
        _ = try expectOp(close)
        return args
    }

    // MARK: Jinja filters and tests

    mutating func parseFilterChain(_ start: ExpressionNode) throws -> ExpressionNode {
        var node = start
        while true {
            if current.isOp("|") {
                let bar = advance()
                let name = try parseDottedName()
                var args: [Argument] = []
                if acceptOp("(") { args = try parseArguments(close: ")") }
                node = ExpressionNode(.filter(node, name: name, args), offset: bar.offset)
            } else if current.isName("is") {
                let isToken = advance()
                let negated = acceptName("not")
                let name = try parseDottedName()
                var args: [Argument] = []
                if acceptOp("(") {
                    args = try parseArguments(close: ")")
                } else if startsTestArgument(current) {
                    let arg = try parsePostfix(try parseAtom())
                    args = [Argument(kind: .positional, value: arg)]
                }
                node = ExpressionNode(.test(node, name: name, args, negated: negated), offset: isToken.offset, length: 2)
            } else if current.isOp("(") {
                let open = advance()
                node = ExpressionNode(.call(node, try parseArguments(close: ")")), offset: open.offset)
            } else {
                return node
            }
        }
    }

    private func startsTestArgument(_ token: Token) -> Bool {
        switch token.kind {
        case .name: return !["else", "or", "and", "if", "is", "in", "not"].contains(token.text)
        case .string, .int, .float: return true
        case .op: return token.text == "[" || token.text == "{"
        default: return false
        }
    }

    private mutating func parseDottedName() throws -> String {
        guard current.kind == .name else { throw syntaxError("expected a filter or test name") }
        var name = advance().text
        while current.isOp("."), peekToken.kind == .name {
            _ = advance()
            name += "." + advance().text
        }
        return name
    }
}
