import Basics

/// A context name a template reads without defining it, with where it is first read.
public struct FreeVariable: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var location: SourceLocation

    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }

    public var description: String { "\(name) at \(location)" }
}

/// A constant attribute/item chain rooted at a context name (`npc.name`, `unit['scores'].total`), with
/// where it is first used: lets `validate` check nested fields of items, not only top-level names.
public struct AttributePath: Sendable, Hashable, CustomStringConvertible {
    /// The root name followed by each attribute or string key, e.g. `["npc", "name"]`.
    public var components: [String]
    public var location: SourceLocation

    public init(components: [String], location: SourceLocation) {
        self.components = components
        self.location = location
    }

    public var description: String { components.joined(separator: ".") + " at \(location)" }
}

/// Finds the context names a template reads: every name used before the template itself defines it
/// (`set`, `for` targets and `loop`, macro names and parameters, `with`), in order of first use.
///
/// Invariants: conservative towards the user — a name set in any branch of an `if` counts as defined
/// afterwards (no false "undefined" reports); Jinja's globals (`range`, `dict`, `namespace`, `cycler`,
/// `joiner`, `lipsum`) are never reported; included templates with a constant name are analysed in
/// place when a loader is available, their uses located in their own file.
struct FreeVariableAnalyzer {
    private var scopes: [Set<String>]
    private var found: [FreeVariable] = []
    private var seen: Set<String> = []
    private var paths: [AttributePath] = []
    private var seenPaths: Set<[String]> = []
    private var source: SourceText
    private let loader: (any TemplateLoading)?
    private var including: Set<String> = []
    /// Templates named by `include`/`extends`/`import` with a constant name that cannot be loaded: missing
    /// ones located at the tag, broken ones with their own error.
    private var loadErrors: [TemplateError] = []

    static let globals: Set<String> = ["range", "dict", "namespace", "cycler", "joiner", "lipsum", "self"]

    private init(source: SourceText, loader: (any TemplateLoading)?, defined: Set<String>) {
        self.source = source
        self.loader = loader
        self.scopes = [defined]
    }

    static func analyze(_ template: CompiledTemplate) -> (names: [FreeVariable], paths: [AttributePath], loadErrors: [TemplateError]) {
        var analyzer = FreeVariableAnalyzer(source: template.source, loader: template.loader, defined: [])
        analyzer.including.insert(template.name)
        analyzer.walk(template.nodes)
        return (analyzer.found, analyzer.paths, analyzer.loadErrors)
    }

    /// Records why a constant template name cannot be loaded (nothing without a loader, or when the tag
    /// says `ignore missing` and the template is merely absent).
    private mutating func checkLoad(_ name: Expression, ignoreMissing: Bool, tag: String, at offset: Int) {
        guard let loader, case .literal(.string(let file)) = name else { return }
        do throws(TemplateError) {
            _ = try loader.template(named: file)
        } catch {
            let problem: TemplateError
            if error.kind == .notFound {
                if ignoreMissing { return }
                problem = TemplateError(.notFound, "template '\(file)' named by {% \(tag) %} does not exist",
                                        at: source.location(offset))
            } else {
                problem = error
            }
            if !loadErrors.contains(problem) { loadErrors.append(problem) }
        }
    }

    /// The longest constant attribute chain ending at `expression`, if it starts at a name.
    private func chain(_ expression: Expression) -> (root: String, components: [String], at: Int)? {
        switch expression {
        case .name(let name, let at): return (name, [name], at)
        case .attribute(let base, let name, let at):
            guard let inner = chain(base) else { return nil }
            return (inner.root, inner.components + [name], min(inner.at, at))
        case .item(let base, .literal(.string(let key)), let at):
            guard let inner = chain(base) else { return nil }
            return (inner.root, inner.components + [key], min(inner.at, at))
        default: return nil
        }
    }

    private mutating func recordPath(_ expression: Expression) {
        guard let (root, components, at) = chain(expression), components.count > 1, !isDefined(root),
              !Self.globals.contains(root), !seenPaths.contains(components) else { return }
        seenPaths.insert(components)
        let length = components.joined(separator: ".").unicodeScalars.count
        paths.append(AttributePath(components: components, location: source.location(at, length: length)))
    }

    /// Names `body` reads without defining (used to detect `varargs`, `kwargs` and `caller` in macros).
    static func names(readBy body: [Node], excluding parameters: Set<String>) -> Set<String> {
        var analyzer = FreeVariableAnalyzer(source: SourceText("", file: ""), loader: nil, defined: parameters)
        analyzer.walk(body)
        return Set(analyzer.found.map(\.name))
    }

    private func isDefined(_ name: String) -> Bool {
        scopes.contains { $0.contains(name) }
    }

    private mutating func define(_ names: [String]) {
        guard !scopes.isEmpty else { return }
        scopes[scopes.count - 1].formUnion(names)
    }

    private mutating func use(_ name: String, at offset: Int) {
        guard !isDefined(name), !Self.globals.contains(name), !seen.contains(name) else { return }
        seen.insert(name)
        found.append(FreeVariable(name: name, location: source.location(offset, length: name.unicodeScalars.count)))
    }

    private mutating func scoped(_ names: [String], _ body: (inout FreeVariableAnalyzer) -> Void) {
        scopes.append(Set(names))
        body(&self)
        scopes.removeLast()
    }

    private mutating func walk(_ nodes: [Node]) {
        for node in nodes { walk(node) }
    }

    private mutating func walk(_ node: Node) {
        switch node {
        case .text: break
        case .output(let e, _): walk(e)
        case .ifBlock(let branches, let otherwise):
            for branch in branches {
                walk(branch.test)
                walk(branch.body)
            }
            if let otherwise { walk(otherwise) }
        case .forLoop(let loop):
            walk(loop.iterable)
            scoped(loop.target.boundNames) { a in
                if let condition = loop.condition { a.walk(condition) }
                a.define(["loop"])
                a.walk(loop.body)
            }
            if let otherwise = loop.otherwise { walk(otherwise) }
        case .set(let target, let e, _):
            walk(e)
            walkTarget(target)
        case .setBlock(let target, let body, let filters, _):
            scoped([]) { $0.walk(body) }
            for filter in filters { walk(filter.arguments) }
            walkTarget(target)
        case .include(let name, let ignoreMissing, let withContext, let at):
            walk(name)
            checkLoad(name, ignoreMissing: ignoreMissing, tag: "include", at: at)
            if withContext, case .literal(.string(let file)) = name { walkInclude(file) }
        case .macro(let definition):
            define([definition.name])
            walkMacro(definition)
        case .callBlock(let call, let definition, _):
            walk(call)
            walkMacro(definition)
        case .filterBlock(let body, let filters, _):
            for filter in filters { walk(filter.arguments) }
            scoped([]) { $0.walk(body) }
        case .block(let b):
            scoped(["super"]) { $0.walk(b.body) }
        case .extends(let name, let at):
            walk(name)
            checkLoad(name, ignoreMissing: false, tag: "extends", at: at)
            if case .literal(.string(let file)) = name { walkInclude(file) }
        case .importModule(let name, let alias, _, let at):
            walk(name)
            checkLoad(name, ignoreMissing: false, tag: "import", at: at)
            define([alias])
        case .fromImport(let name, let names, _, let at):
            walk(name)
            checkLoad(name, ignoreMissing: false, tag: "from", at: at)
            define(names.map(\.alias))
        case .with(let assignments, let body, _):
            for (_, e) in assignments { walk(e) }
            scoped(assignments.flatMap { $0.0.boundNames }) { $0.walk(body) }
        }
    }

    private mutating func walkTarget(_ target: AssignTarget) {
        if case .namespaceAttribute(let name, _, let at) = target { use(name, at: at) }
        if case .tuple(let items, _) = target {
            for item in items { walkTarget(item) }
            return
        }
        define(target.boundNames)
    }

    private mutating func walkMacro(_ definition: MacroDefinition) {
        scoped(definition.parameters) { a in
            for d in definition.defaults { a.walk(d) }
            a.define(["varargs", "kwargs", "caller"])
            a.walk(definition.body)
        }
    }

    private mutating func walkInclude(_ file: String) {
        guard let loader, !including.contains(file), let included = try? loader.template(named: file) else { return }
        let saved = source
        including.insert(file)
        source = included.compiled.source
        scoped([]) { $0.walk(included.compiled.nodes) }
        source = saved
        including.remove(file)
    }

    private mutating func walk(_ arguments: Arguments) {
        for e in arguments.positional { walk(e) }
        for (_, e) in arguments.keyword { walk(e) }
        if let e = arguments.spreadPositional { walk(e) }
        if let e = arguments.spreadKeyword { walk(e) }
    }

    private mutating func walk(_ expression: Expression) {
        switch expression {
        case .literal: break
        case .name(let name, let at): use(name, at: at)
        case .list(let items, _), .tuple(let items, _), .concat(let items, _):
            for e in items { walk(e) }
        case .dict(let pairs, _):
            for pair in pairs {
                walk(pair.key)
                walk(pair.value)
            }
        case .attribute(let base, _, _):
            recordPath(expression)
            walk(base)
        case .item(let base, let key, _):
            recordPath(expression)
            walk(base)
            walk(key)
        case .slice(let base, let start, let stop, let step, _):
            walk(base)
            for e in [start, stop, step].compactMap({ $0 }) { walk(e) }
        case .call(let callee, let arguments, _):
            walk(callee)
            walk(arguments)
        case .filter(let base, _, let arguments, _), .test(let base, _, let arguments, _, _):
            walk(base)
            walk(arguments)
        case .unary(_, let e, _), .not(let e, _): walk(e)
        case .binary(_, let a, let b, _), .and(let a, let b), .or(let a, let b):
            walk(a)
            walk(b)
        case .compare(let first, let operations, _):
            walk(first)
            for operation in operations { walk(operation.operand) }
        case .conditional(let test, let then, let otherwise, _):
            walk(test)
            walk(then)
            if let otherwise { walk(otherwise) }
        }
    }
}

extension Template {
    /// The context names this template (and the templates it includes with a constant name) reads
    /// without defining them, each with the location of its first use, in order of first use.
    public var freeVariables: [FreeVariable] { FreeVariableAnalyzer.analyze(compiled).names }

    /// The constant attribute chains rooted at free variables (`npc.name`, `mood.description`), each with
    /// the location of its first use, in order of first use. Method calls (`d.items()`) appear too: the
    /// caller decides which components are data fields.
    public var attributePaths: [AttributePath] { FreeVariableAnalyzer.analyze(compiled).paths }

    /// Why templates this one names with a constant (`{% include 'x' %}`, `extends`, `import`, `from`) cannot
    /// be loaded through its loader: a missing file located at the tag (unless `ignore missing`), or the
    /// included file's own syntax error. Every render that reaches such a tag would fail.
    public var loadErrors: [TemplateError] { FreeVariableAnalyzer.analyze(compiled).loadErrors }
}
