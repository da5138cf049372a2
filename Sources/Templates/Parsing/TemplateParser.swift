/// Turns the token list of one template into statement nodes, following Jinja2 3.1's parser.
///
/// Invariants: the parser never looks past `.end`; every error is a `.syntax` `TemplateError` located at
/// the offending token; filter and test names are checked here (as Jinja2's compiler does), so an unknown
/// filter is a compile error even in a branch that never runs.
struct TemplateParser {
    let source: SourceText
    var tokens: [Token]
    var index = 0
    /// Current nesting of expressions and blocks; bounded so hostile input cannot exhaust the stack.
    var depth = 0
    static let maximumDepth = 200

    init(tokens: [Token], source: SourceText) {
        self.tokens = tokens
        self.source = source
    }

    static func parse(_ source: SourceText) throws(TemplateError) -> [Node] {
        var parser = TemplateParser(tokens: try TemplateLexer.tokenize(source), source: source)
        let body = try parser.subparse(endTags: [])
        guard case .end = parser.current.kind else { throw parser.fail("unexpected \(parser.current.description)") }
        try FilterNameCheck.check(body, source: source)
        _ = try blocks(in: body, source: source)
        return body
    }

    // MARK: Token stream

    var current: Token { tokens[index] }
    var lookahead: Token { index + 1 < tokens.count ? tokens[index + 1] : tokens[tokens.count - 1] }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    mutating func enter() throws(TemplateError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw TemplateError(.syntax, "template nesting is too deep (more than \(Self.maximumDepth) levels)",
                                at: source.location(current.offset))
        }
    }

    func fail(_ message: String, at offset: Int? = nil) -> TemplateError {
        TemplateError(.syntax, message, at: source.location(offset ?? current.offset))
    }

    mutating func expectOp(_ op: String) throws(TemplateError) {
        guard current.isOp(op) else {
            throw fail("expected token '\(op)', got '\(current.description)'")
        }
        advance()
    }

    mutating func expectName() throws(TemplateError) -> String {
        guard case .name(let n) = current.kind else {
            throw fail("expected token 'name', got '\(current.description)'")
        }
        advance()
        return n
    }

    mutating func expectKeyword(_ word: String) throws(TemplateError) {
        guard current.isName(word) else {
            throw fail("expected token '\(word)', got '\(current.description)'")
        }
        advance()
    }

    mutating func skipKeyword(_ word: String) -> Bool {
        if current.isName(word) { advance(); return true }
        return false
    }

    mutating func expectBlockEnd() throws(TemplateError) {
        guard case .blockEnd = current.kind else {
            throw fail("expected token 'end of statement block', got '\(current.description)'")
        }
        advance()
    }

    // MARK: Statements

    /// Nodes up to a `{% tag %}` whose name is in `endTags` (left as the current token) or the end.
    mutating func subparse(endTags: Set<String>) throws(TemplateError) -> [Node] {
        try enter()
        defer { depth -= 1 }
        var body: [Node] = []
        while true {
            let token = current
            switch token.kind {
            case .data(let text):
                body.append(.text(text))
                advance()
            case .variableBegin:
                advance()
                let expression = try parseTuple(withCondition: true)
                guard case .variableEnd = current.kind else {
                    throw fail("expected token 'end of print statement', got '\(current.description)'")
                }
                advance()
                body.append(.output(expression, at: token.offset))
            case .blockBegin:
                advance()
                if case .name(let n) = current.kind, endTags.contains(n) { return body }
                body.append(try parseStatement(openedAt: token.offset))
                try expectBlockEnd()
            case .end:
                return body
            default:
                throw fail("unexpected \(token.description)")
            }
        }
    }

    /// Body of a block: skips `:` and the tag end, parses until one of `endTags`, fails at end of input.
    mutating func parseBody(endTags: Set<String>, dropNeedle: Bool = false, blockName: String)
        throws(TemplateError) -> [Node]
    {
        if current.isOp(":") { advance() }
        try expectBlockEnd()
        let body = try subparse(endTags: endTags)
        if case .end = current.kind {
            let expected = endTags.sorted().map { "'\($0)'" }.joined(separator: " or ")
            throw fail("Unexpected end of template. Jinja was looking for the following tags: \(expected). "
                + "The innermost block that needs to be closed is '\(blockName)'.")
        }
        if dropNeedle { advance() }
        return body
    }

    mutating func parseStatement(openedAt offset: Int) throws(TemplateError) -> Node {
        guard case .name(let tag) = current.kind else { throw fail("tag name expected") }
        switch tag {
        case "if": return try parseIf()
        case "for": return try parseFor(openedAt: offset)
        case "set": return try parseSet(openedAt: offset)
        case "include": return try parseInclude(openedAt: offset)
        case "macro": return try parseMacro(openedAt: offset)
        case "call": return try parseCallBlock(openedAt: offset)
        case "filter": return try parseFilterBlock(openedAt: offset)
        case "with": return try parseWith(openedAt: offset)
        case "print":
            // Jinja2 prints each comma-separated expression in turn (not a tuple).
            advance()
            var outputs: [Node] = []
            while true {
                if case .blockEnd = current.kind { break }
                if !outputs.isEmpty { try expectOp(",") }
                outputs.append(.output(try parseExpression(), at: offset))
            }
            if outputs.count == 1, let only = outputs.first { return only }
            return .with(assignments: [], body: outputs, at: offset)
        case "import": return try parseImport(openedAt: offset)
        case "from": return try parseFromImport(openedAt: offset)
        case "block": return try parseBlock(openedAt: offset)
        case "extends":
            advance()
            return .extends(try parseExpression(), at: offset)
        case "autoescape":
            throw TemplateError(.unsupported, "the '\(tag)' tag is not supported by this engine",
                                at: source.location(current.offset))
        default:
            throw fail("Encountered unknown tag '\(tag)'.")
        }
    }

    mutating func parseIf() throws(TemplateError) -> Node {
        advance()
        var branches: [(test: Expression, body: [Node])] = []
        var otherwise: [Node]? = nil
        while true {
            let test = try parseTuple(withCondition: false)
            let body = try parseBody(endTags: ["elif", "else", "endif"], blockName: "if")
            branches.append((test, body))
            let tag = current
            advance()
            if tag.isName("elif") { continue }
            if tag.isName("else") {
                otherwise = try parseBody(endTags: ["endif"], dropNeedle: true, blockName: "if")
            }
            break
        }
        return .ifBlock(branches: branches, otherwise: otherwise)
    }

    mutating func parseFor(openedAt offset: Int) throws(TemplateError) -> Node {
        advance()
        let target = try parseAssignTarget(endNames: ["in"], withNamespace: false)
        try expectKeyword("in")
        let iterable = try parseTuple(withCondition: false, endNames: ["recursive"])
        var condition: Expression? = nil
        if skipKeyword("if") { condition = try parseExpression() }
        let recursive = skipKeyword("recursive")
        let body = try parseBody(endTags: ["endfor", "else"], blockName: "for")
        let tag = current
        advance()
        var otherwise: [Node]? = nil
        if tag.isName("else") {
            otherwise = try parseBody(endTags: ["endfor"], dropNeedle: true, blockName: "for")
        }
        return .forLoop(ForLoop(target: target, iterable: iterable, condition: condition, body: body,
                                otherwise: otherwise, recursive: recursive, at: offset))
    }

    mutating func parseSet(openedAt offset: Int) throws(TemplateError) -> Node {
        advance()
        let target = try parseAssignTarget(endNames: [], withNamespace: true)
        if current.isOp("=") {
            advance()
            return .set(target, try parseTuple(withCondition: true), at: offset)
        }
        let filters = try parseFilterChain(inline: false)
        let body = try parseBody(endTags: ["endset"], dropNeedle: true, blockName: "set")
        return .setBlock(target, body: body, filters: filters, at: offset)
    }

    mutating func parseInclude(openedAt offset: Int) throws(TemplateError) -> Node {
        advance()
        let name = try parseExpression()
        var ignoreMissing = false
        if current.isName("ignore"), lookahead.isName("missing") {
            advance(); advance()
            ignoreMissing = true
        }
        var withContext = true
        if (current.isName("with") || current.isName("without")), lookahead.isName("context") {
            withContext = current.isName("with")
            advance(); advance()
        }
        return .include(name, ignoreMissing: ignoreMissing, withContext: withContext, at: offset)
    }

    mutating func parseFilterBlock(openedAt offset: Int) throws(TemplateError) -> Node {
        advance()
        let filters = try parseFilterChain(inline: true)
        let body = try parseBody(endTags: ["endfilter"], dropNeedle: true, blockName: "filter")
        return .filterBlock(body: body, filters: filters, at: offset)
    }

    mutating func parseWith(openedAt offset: Int) throws(TemplateError) -> Node {
        advance()
        var assignments: [(AssignTarget, Expression)] = []
        while true {
            if case .blockEnd = current.kind { break }
            if !assignments.isEmpty { try expectOp(",") }
            let target = try parseAssignTarget(endNames: [], withNamespace: false)
            try expectOp("=")
            assignments.append((target, try parseExpression()))
        }
        let body = try parseBody(endTags: ["endwith"], dropNeedle: true, blockName: "with")
        return .with(assignments: assignments, body: body, at: offset)
    }

    /// `| f(args) | g` after a `{% set x %}` target, or `f(args) | g` after `{% filter %}`.
    mutating func parseFilterChain(inline: Bool) throws(TemplateError) -> [FilterCall] {
        var filters: [FilterCall] = []
        var first = inline
        while current.isOp("|") || first {
            if !first { advance() }
            first = false
            let at = current.offset
            let name = try parseDottedName()
            let arguments = current.isOp("(") ? try parseCallArguments() : .none
            filters.append(FilterCall(name: name, arguments: arguments, at: at))
        }
        return filters
    }

    mutating func parseDottedName() throws(TemplateError) -> String {
        var name = try expectName()
        while current.isOp(".") {
            advance()
            name += "." + (try expectName())
        }
        return name
    }

}

extension TemplateParser {
    /// Every `{% block %}` of a template by name, wherever it is nested; a name used twice is an error.
    static func blocks(in nodes: [Node], source: SourceText) throws(TemplateError) -> [String: BlockDefinition] {
        var found: [String: BlockDefinition] = [:]
        func visit(_ nodes: [Node]) throws(TemplateError) {
            for node in nodes {
                switch node {
                case .block(let b):
                    if found[b.name] != nil {
                        throw TemplateError(.syntax, "block '\(b.name)' defined twice", at: source.location(b.at))
                    }
                    found[b.name] = b
                    try visit(b.body)
                case .ifBlock(let branches, let otherwise):
                    for branch in branches { try visit(branch.body) }
                    if let otherwise { try visit(otherwise) }
                case .forLoop(let loop):
                    try visit(loop.body)
                    if let otherwise = loop.otherwise { try visit(otherwise) }
                case .setBlock(_, let body, _, _), .filterBlock(let body, _, _), .with(_, let body, _):
                    try visit(body)
                case .macro(let m), .callBlock(_, let m, _): try visit(m.body)
                default: break
                }
            }
        }
        try visit(nodes)
        return found
    }

    private func blocks(in nodes: [Node], source: SourceText) throws(TemplateError) -> [String: BlockDefinition] {
        try Self.blocks(in: nodes, source: source)
    }
}
