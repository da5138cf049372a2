import Basics

/// Executes a compiled template against one context, producing text: the statement half of the engine.
///
/// Invariants: one `Renderer` per render call (it is not shared between threads); `template` is the
/// template whose nodes are being executed (it changes inside includes and macros of other templates),
/// so every error is located in the right file; nesting of macros and includes is bounded by
/// `maximumDepth`, so runaway recursion is an error, not a crash.
final class Renderer {
    let context: ValueObject
    var template: CompiledTemplate
    var depth = 0
    /// Scopes holding macros: a macro closes over its scope, which holds the macro — a reference cycle,
    /// broken when the render ends.
    var macroScopes: [Scope] = []
    /// Set when this render runs an imported template without the caller's context: its macros keep it.
    var moduleContext: ValueObject? = nil
    /// Template inheritance: each block name's definitions, most derived first, with their templates.
    var blockChains: [String: [(BlockDefinition, CompiledTemplate)]] = [:]
    /// The parent named by `{% extends %}` in the template being rendered at top level.
    var parentTemplate: CompiledTemplate? = nil
    /// The scope of the top level, shared by a template and the templates it extends.
    var rootScope = Scope(parent: nil)
    /// The template whose top level is executing (the only place `{% extends %}` is honoured).
    var topLevelTemplate: CompiledTemplate? = nil
    static let maximumDepth = 64

    init(template: CompiledTemplate, context: ValueObject) {
        self.template = template
        self.context = context
    }

    func location(_ offset: Int?) -> SourceLocation? {
        guard let offset else { return nil }
        return template.source.location(offset)
    }

    func fail(_ error: PythonError, at offset: Int?) -> TemplateError {
        TemplateError(error.kind, error.message, at: location(offset))
    }

    func fail(_ kind: TemplateError.Kind, _ message: String, at offset: Int?) -> TemplateError {
        TemplateError(kind, message, at: location(offset))
    }

    func render() throws(TemplateError) -> String {
        var out = ""
        out.reserveCapacity(template.estimatedOutputSize)
        defer {
            for scope in macroScopes { scope.variables.removeAll() }
        }
        var current = template
        var seen: [ObjectIdentifier] = []
        while true {
            seen.append(ObjectIdentifier(current))
            for (name, block) in current.blocks { blockChains[name, default: []].append((block, current)) }
            template = current
            topLevelTemplate = current
            var extended = false
            var discarded = ""
            for node in current.nodes {
                if extended {
                    // After {% extends %} only definitions matter: no output, no blocks in place.
                    switch node {
                    case .text, .output, .block: continue
                    default: try execute(node, rootScope, into: &discarded)
                    }
                } else {
                    try execute(node, rootScope, into: &out)
                    extended = parentTemplate != nil
                }
            }
            guard let parent = parentTemplate else { break }
            parentTemplate = nil
            if seen.contains(ObjectIdentifier(parent)) {  // a cycle of extends
                throw TemplateError(.value, "template '\(parent.name)' extends itself", at: nil)
            }
            current = parent
        }
        return out
    }

    func execute(_ nodes: [Node], _ scope: Scope, into out: inout String) throws(TemplateError) {
        for node in nodes {
            try execute(node, scope, into: &out)
        }
    }

    func execute(_ node: Node, _ scope: Scope, into out: inout String) throws(TemplateError) {
        switch node {
        case .text(let text):
            out += text
        case .output(let expression, let at):
            switch try evaluate(expression, scope) {
            case .value(.string(let s)): out += s
            case .value(let v): v.appendRepr(to: &out)  // str() of a non-string is its repr
            case let other: out += try text(of: other, at: at)
            }
        case .ifBlock(let branches, let otherwise):
            for branch in branches where try isTrue(try evaluate(branch.test, scope), at: branch.test.offset) {
                try execute(branch.body, scope, into: &out)
                return
            }
            if let otherwise { try execute(otherwise, scope, into: &out) }
        case .forLoop(let loop):
            try executeFor(loop, scope, into: &out)
        case .set(let target, let expression, let at):
            try assign(target, try evaluate(expression, scope), in: scope, at: at)
        case .setBlock(let target, let body, let filters, let at):
            var captured = ""
            try execute(body, Scope(parent: scope), into: &captured)
            var value = RuntimeValue.value(.string(captured))
            for filter in filters {
                value = try applyFilter(filter.name, to: value, filter.arguments, scope, at: filter.at)
            }
            try assign(target, value, in: scope, at: at)
        case .include(let name, let ignoreMissing, let withContext, let at):
            try include(name, ignoreMissing: ignoreMissing, withContext: withContext, scope, at: at, into: &out)
        case .macro(let definition):
            macroScopes.append(scope)
            scope.variables[definition.name] = .macro(MacroClosure(definition: definition, scope: scope,
                                                                   template: template, context: moduleContext))
        case .callBlock(let call, let definition, let at):
            // The caller body runs with this render's variables even when called from an imported macro.
            let caller = MacroClosure(definition: definition, scope: scope, template: template,
                                      context: moduleContext ?? context)
            let value = try evaluateCall(call, scope, caller: caller)
            out += try text(of: value, at: at)
        case .filterBlock(let body, let filters, let at):
            var captured = ""
            try execute(body, Scope(parent: scope), into: &captured)
            var value = RuntimeValue.value(.string(captured))
            for filter in filters {
                value = try applyFilter(filter.name, to: value, filter.arguments, scope, at: filter.at)
            }
            out += try text(of: value, at: at)
        case .block(let definition):
            try renderBlock(definition.name, level: 0, scope, at: definition.at, into: &out)
        case .extends(let name, let at):
            guard template === topLevelTemplate, scope === rootScope else {
                throw fail(.unsupported, "{% extends %} is only supported at the top level of the rendered template",
                           at: at)
            }
            guard parentTemplate == nil else { throw fail(.value, "extended multiple times", at: at) }
            let (found, error, nameValue) = try resolve(name, scope, at: at)
            guard let parent = found else { throw error ?? fail(.notFound, nameValue.pythonStr, at: at) }
            parentTemplate = parent
        case .importModule(let name, let alias, let withContext, let at):
            scope.variables[alias] = .module(try importModule(name, withContext: withContext, scope, at: at))
        case .fromImport(let name, let names, let withContext, let at):
            let module = try importModule(name, withContext: withContext, scope, at: at)
            for (exported, alias) in names {
                scope.variables[alias] = module.exports[exported] ?? .undefined(Undefined(
                    message: "the template \(Value.string(module.name).pythonRepr) (imported on line "
                        + "\(location(at)?.line ?? 0)) does not export the requested name \(Value.string(exported).pythonRepr)",
                    location: location(at)))
            }
        case .with(let assignments, let body, let at):
            let inner = Scope(parent: scope)
            for (target, expression) in assignments {
                try assign(target, try evaluate(expression, scope), in: inner, at: at)
            }
            try execute(body, inner, into: &out)
        }
    }

    private func executeFor(_ loop: ForLoop, _ scope: Scope, into out: inout String) throws(TemplateError) {
        let items = try iterate(try evaluate(loop.iterable, scope), at: loop.iterable.offset ?? loop.at)
        try runLoop(loop, items: items, scope, depth0: 0, into: &out)
    }

    /// One run of a loop body over `items` (after the loop's `if` filter); `loop(...)` in a recursive loop
    /// runs it again one level deeper, with the same scope.
    func runLoop(_ loop: ForLoop, items all: [Value], _ scope: Scope, depth0: Int, into out: inout String)
        throws(TemplateError)
    {
        var items = all
        if let condition = loop.condition {
            var kept: [Value] = []
            for item in items {
                let probe = Scope(parent: scope)
                try assign(loop.target, .value(item), in: probe, at: loop.at)
                if try isTrue(try evaluate(condition, probe), at: condition.offset) { kept.append(item) }
            }
            items = kept
        }
        if items.isEmpty {
            if let otherwise = loop.otherwise { try execute(otherwise, scope, into: &out) }
            return
        }
        guard depth0 < Self.maximumDepth else { throw fail(.value, "maximum recursive loop depth exceeded", at: loop.at) }
        let context = LoopContext(items: items, depth0: depth0,
                                  recursion: loop.recursive ? RecursiveLoop(loop: loop, scope: scope) : nil)
        for (i, item) in items.enumerated() {
            context.index0 = i
            let body = Scope(parent: scope, variables: ["loop": .loop(context)])
            try assign(loop.target, .value(item), in: body, at: loop.at)
            try execute(loop.body, body, into: &out)
        }
    }

    /// Binds `value` to `target` in `scope`, unpacking tuples as Python does.
    func assign(_ target: AssignTarget, _ value: RuntimeValue, in scope: Scope, at: Int) throws(TemplateError) {
        switch target {
        case .name(let name, _):
            scope.variables[name] = value
        case .namespaceAttribute(let name, let attribute, let offset):
            guard case .namespace(let namespace)? = lookupName(name, scope) else {
                throw fail(.type, "cannot assign attribute on non-namespace object", at: offset)
            }
            namespace.attributes[attribute] = try toValue(value, at: offset)
        case .tuple(let targets, let offset):
            let items = try iterate(value, at: offset)
            if items.count < targets.count {
                throw fail(.value, "not enough values to unpack (expected \(targets.count), got \(items.count))",
                           at: offset)
            }
            if items.count > targets.count {
                throw fail(.value, "too many values to unpack (expected \(targets.count))", at: offset)
            }
            for (t, item) in zip(targets, items) { try assign(t, .value(item), in: scope, at: offset) }
        }
    }

    /// Renders the `level`-th definition of block `name` (0: the most derived; `super()` goes one up).
    func renderBlock(_ name: String, level: Int, _ scope: Scope, at: Int, into out: inout String)
        throws(TemplateError)
    {
        guard let chain = blockChains[name], level < chain.count else {
            throw TemplateError(.undefined, "there is no parent block called '\(name)'.", at: location(at))
        }
        let (definition, owner) = chain[level]
        // A required block's own body never renders: some template down the chain must override it.
        if definition.required { throw fail(.value, "Required block '\(name)' not found", at: at) }
        let body = Scope(parent: definition.scoped ? scope : rootScope,
                         variables: ["super": .callable(.superBlock(name, level + 1))])
        let saved = template
        template = owner
        defer { template = saved }
        try execute(definition.body, body, into: &out)
    }

    /// The template an `include`/`import` names (a name or a list of names, first found wins), or nil.
    private func resolve(_ nameExpression: Expression, _ scope: Scope, at: Int) throws(TemplateError)
        -> (CompiledTemplate?, TemplateError?, Value)
    {
        let nameValue = try toValue(try evaluate(nameExpression, scope), at: at)
        let candidates: [Value] = nameValue.arrayValue ?? [nameValue]
        var lastError: TemplateError? = nil
        for candidate in candidates {
            guard case .string(let name) = candidate else {
                throw fail(.type, "template name must be a string, not \(candidate.pythonTypeName)", at: at)
            }
            guard let loader = template.loader else {
                lastError = fail(.notFound, name, at: at)
                continue
            }
            do {
                return (try loader.template(named: name).compiled, nil, nameValue)
            } catch {
                lastError = error.location == nil ? fail(error.kind, error.message, at: at) : error
                if error.kind != .notFound { throw lastError ?? error }
            }
        }
        return (nil, lastError, nameValue)
    }

    private func importModule(_ nameExpression: Expression, withContext: Bool, _ scope: Scope, at: Int)
        throws(TemplateError) -> TemplateModule
    {
        let (found, error, nameValue) = try resolve(nameExpression, scope, at: at)
        guard let imported = found else { throw error ?? fail(.notFound, nameValue.pythonStr, at: at) }
        guard depth < Self.maximumDepth else { throw fail(.value, "maximum import depth exceeded", at: at) }
        let moduleRenderer = Renderer(template: imported, context: withContext ? context : [:])
        moduleRenderer.depth = depth + 1
        if !withContext { moduleRenderer.moduleContext = [:] }
        let root = Scope(parent: nil)
        var out = ""
        defer { macroScopes += moduleRenderer.macroScopes }
        try moduleRenderer.execute(imported.nodes, root, into: &out)
        let exports = root.variables.filter { !$0.key.hasPrefix("_") }
        return TemplateModule(name: nameValue.pythonStr, exports: exports, output: out)
    }

    private func include(_ nameExpression: Expression, ignoreMissing: Bool, withContext: Bool, _ scope: Scope,
                         at: Int, into out: inout String) throws(TemplateError) {
        let (found, lastError, nameValue) = try resolve(nameExpression, scope, at: at)
        guard let included = found else {
            if ignoreMissing { return }
            throw lastError ?? fail(.notFound, nameValue.pythonStr, at: at)
        }
        guard depth < Self.maximumDepth else { throw fail(.value, "maximum include depth exceeded", at: at) }
        let saved = template
        depth += 1
        template = included
        defer {
            template = saved
            depth -= 1
        }
        if withContext {
            let hidden = RuntimeValue.undefined(Undefined(message: Undefined.nameMessage("loop"), location: nil))
            try execute(included.nodes, Scope(parent: scope, variables: ["loop": hidden]), into: &out)
        } else {
            let isolated = Renderer(template: included, context: [:])
            isolated.depth = depth
            defer { macroScopes += isolated.macroScopes }
            try isolated.execute(included.nodes, Scope(parent: nil), into: &out)
        }
    }
}
