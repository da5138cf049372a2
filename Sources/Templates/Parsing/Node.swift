/// A statement of a parsed template: text, output, or a block tag with its body.
///
/// Invariants: bodies are in source order; adjacent text is never merged across tags (whitespace
/// control has already been applied by the lexer); offsets point at the tag's `{%`/`{{`.
indirect enum Node: Sendable {
    case text(String)
    case output(Expression, at: Int)
    case ifBlock(branches: [(test: Expression, body: [Node])], otherwise: [Node]?)
    case forLoop(ForLoop)
    case set(AssignTarget, Expression, at: Int)
    case setBlock(AssignTarget, body: [Node], filters: [FilterCall], at: Int)
    case include(Expression, ignoreMissing: Bool, withContext: Bool, at: Int)
    case macro(MacroDefinition)
    case callBlock(call: Expression, macro: MacroDefinition, at: Int)
    case filterBlock(body: [Node], filters: [FilterCall], at: Int)
    case with(assignments: [(AssignTarget, Expression)], body: [Node], at: Int)
    /// `{% block name [scoped] [required] %}…{% endblock %}`: renders the most derived override in place.
    case block(BlockDefinition)
    /// `{% extends 'file' %}`: the rest of the template only defines blocks for its parent.
    case extends(Expression, at: Int)
    /// `{% import 'file' as alias [with context] %}`.
    case importModule(Expression, alias: String, withContext: Bool, at: Int)
    /// `{% from 'file' import name [as alias], … [with context] %}`.
    case fromImport(Expression, names: [(name: String, alias: String)], withContext: Bool, at: Int)
}

/// `{% for target in iterable [if filter] %}body{% else %}otherwise{% endfor %}`.
struct ForLoop: Sendable {
    var target: AssignTarget
    var iterable: Expression
    var condition: Expression?
    var body: [Node]
    var otherwise: [Node]?
    var recursive: Bool
    var at: Int
}

/// One `| name(args)` of a `{% filter %}` or `{% set x | f %}` block.
struct FilterCall: Sendable {
    var name: String
    var arguments: Arguments
    var at: Int
}

/// The left-hand side of `set`, `for` and `with`: a name, a namespace attribute, or a tuple of targets.
indirect enum AssignTarget: Sendable {
    case name(String, at: Int)
    case namespaceAttribute(String, String, at: Int)
    case tuple([AssignTarget], at: Int)

    /// The names this target binds, in order.
    var boundNames: [String] {
        switch self {
        case .name(let n, _): return [n]
        case .namespaceAttribute: return []
        case .tuple(let items, _): return items.flatMap(\.boundNames)
        }
    }
}

/// `{% macro name(params) %}body{% endmacro %}`, shared by every call of the macro.
///
/// Invariants: `defaults` align with the last `defaults.count` parameters; `catchesVarargs` /
/// `catchesKeywords` / `usesCaller` record whether the body reads `varargs` / `kwargs` / `caller`
/// (Jinja2 only accepts surplus arguments then).
final class MacroDefinition: Sendable {
    let name: String
    let parameters: [String]
    let defaults: [Expression]
    let body: [Node]
    let catchesVarargs: Bool
    let catchesKeywords: Bool
    let usesCaller: Bool
    let at: Int

    init(name: String, parameters: [String], defaults: [Expression], body: [Node],
         catchesVarargs: Bool, catchesKeywords: Bool, usesCaller: Bool, at: Int) {
        self.name = name
        self.parameters = parameters
        self.defaults = defaults
        self.body = body
        self.catchesVarargs = catchesVarargs
        self.catchesKeywords = catchesKeywords
        self.usesCaller = usesCaller
        self.at = at
    }
}

/// `{% block name %}body{% endblock %}`, shared by every render.
///
/// Invariant: block names are unique within one template (the parser refuses duplicates).
final class BlockDefinition: Sendable {
    let name: String
    let body: [Node]
    /// `scoped`: the body sees the variables of the enclosing loops (otherwise only top-level ones).
    let scoped: Bool
    /// `required`: a template that renders it must override it.
    let required: Bool
    let at: Int

    init(name: String, body: [Node], scoped: Bool, required: Bool, at: Int) {
        self.name = name
        self.body = body
        self.scoped = scoped
        self.required = required
        self.at = at
    }
}
