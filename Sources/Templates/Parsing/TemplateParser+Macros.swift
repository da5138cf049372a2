/// `{% macro %}`, `{% call %}` and assignment targets.
extension TemplateParser {
    mutating func parseMacro(openedAt offset: Int) throws(TemplateError) -> Node {
        advance()
        let name = try expectName()
        let (parameters, defaults) = try parseSignature()
        let body = try parseBody(endTags: ["endmacro"], dropNeedle: true, blockName: "macro")
        return .macro(makeMacro(name: name, parameters: parameters, defaults: defaults, body: body, at: offset))
    }

    /// `{% call [(params)] macro(args) %}body{% endcall %}`: the body becomes the `caller` macro.
    mutating func parseCallBlock(openedAt offset: Int) throws(TemplateError) -> Node {
        advance()
        var parameters: [String] = []
        var defaults: [Expression] = []
        if current.isOp("(") { (parameters, defaults) = try parseSignature() }
        let callOffset = current.offset
        let call = try parseExpression()
        guard case .call = call else { throw fail("expected call", at: callOffset) }
        let body = try parseBody(endTags: ["endcall"], dropNeedle: true, blockName: "call")
        let caller = makeMacro(name: "caller", parameters: parameters, defaults: defaults, body: body, at: offset)
        return .callBlock(call: call, macro: caller, at: offset)
    }

    private func makeMacro(name: String, parameters: [String], defaults: [Expression], body: [Node], at offset: Int)
        -> MacroDefinition
    {
        let reads = FreeVariableAnalyzer.names(readBy: body, excluding: Set(parameters))
        return MacroDefinition(
            name: name, parameters: parameters, defaults: defaults, body: body,
            catchesVarargs: reads.contains("varargs"), catchesKeywords: reads.contains("kwargs"),
            usesCaller: reads.contains("caller"), at: offset)
    }

    private mutating func parseSignature() throws(TemplateError) -> ([String], [Expression]) {
        try expectOp("(")
        var parameters: [String] = []
        var defaults: [Expression] = []
        while !current.isOp(")") {
            if !parameters.isEmpty { try expectOp(",") }
            if current.isOp(")") { break }
            parameters.append(try expectName())
            if current.isOp("=") {
                advance()
                defaults.append(try parseExpression())
            } else if !defaults.isEmpty {
                throw fail("non-default argument follows default argument")
            }
        }
        try expectOp(")")
        return (parameters, defaults)
    }

    /// `{% block name [scoped] [required] %}body{% endblock [name] %}`.
    mutating func parseBlock(openedAt offset: Int) throws(TemplateError) -> Node {
        advance()
        let name = try expectName()
        var scoped = false, required = false
        while true {
            if skipKeyword("scoped") { scoped = true } else if skipKeyword("required") { required = true } else { break }
        }
        let body = try parseBody(endTags: ["endblock"], dropNeedle: true, blockName: "block")
        if case .name(let closing) = current.kind {
            guard closing == name else { throw fail("mismatching name '\(closing)' for block '\(name)'") }
            advance()
        }
        return .block(BlockDefinition(name: name, body: body, scoped: scoped, required: required, at: offset))
    }

    /// `{% import expr as name [with|without context] %}`.
    mutating func parseImport(openedAt offset: Int) throws(TemplateError) -> Node {
        advance()
        let template = try parseExpression()
        try expectKeyword("as")
        let alias = try expectName()
        return .importModule(template, alias: alias, withContext: parseImportContext(default: false), at: offset)
    }

    /// `{% from expr import a, b as c [with|without context] %}`.
    mutating func parseFromImport(openedAt offset: Int) throws(TemplateError) -> Node {
        advance()
        let template = try parseExpression()
        try expectKeyword("import")
        var names: [(name: String, alias: String)] = []
        while true {
            if !names.isEmpty {
                guard current.isOp(",") else { break }
                advance()
            }
            if (current.isName("with") || current.isName("without")), lookahead.isName("context") { break }
            guard case .name(let name) = current.kind else {
                if names.isEmpty { throw fail("expected token 'name', got '\(current.description)'") }
                break
            }
            if name.hasPrefix("_") { throw fail("names starting with an underline can not be imported") }
            advance()
            var alias = name
            if skipKeyword("as") { alias = try expectName() }
            names.append((name, alias))
        }
        return .fromImport(template, names: names, withContext: parseImportContext(default: false), at: offset)
    }

    private mutating func parseImportContext(default fallback: Bool) -> Bool {
        if (current.isName("with") || current.isName("without")), lookahead.isName("context") {
            let with = current.isName("with")
            advance(); advance()
            return with
        }
        return fallback
    }

    /// A name, `ns.attr` (when allowed) or a tuple of names, as `for`/`set`/`with` accept.
    mutating func parseAssignTarget(endNames: Set<String>, withNamespace: Bool) throws(TemplateError)
        -> AssignTarget
    {
        let start = current.offset
        var items: [AssignTarget] = []
        var isTuple = false
        while true {
            if !items.isEmpty { try expectOp(",") }
            if isTargetEnd(endNames) { break }
            items.append(try parseSingleTarget(withNamespace: withNamespace))
            if current.isOp(",") { isTuple = true } else { break }
        }
        if !isTuple, let only = items.first { return only }
        if items.isEmpty { throw fail("Expected an expression, got '\(current.description)'") }
        return .tuple(items, at: start)
    }

    private func isTargetEnd(_ endNames: Set<String>) -> Bool {
        switch current.kind {
        case .variableEnd, .blockEnd: return true
        case .op(let o): return o == ")" || o == "="
        case .name(let n): return endNames.contains(n)
        default: return false
        }
    }

    private mutating func parseSingleTarget(withNamespace: Bool) throws(TemplateError) -> AssignTarget {
        let at = current.offset
        switch current.kind {
        case .name(let n):
            if ["true", "false", "True", "False", "none", "None"].contains(n) {
                throw fail("can't assign to 'Const'")
            }
            advance()
            if withNamespace, current.isOp(".") {
                advance()
                return .namespaceAttribute(n, try expectName(), at: at)
            }
            return .name(n, at: at)
        case .op("("):
            advance()
            let inner = try parseAssignTarget(endNames: [], withNamespace: withNamespace)
            try expectOp(")")
            return inner
        default:
            throw fail("can't assign to '\(current.description)'")
        }
    }
}
