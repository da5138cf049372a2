/// Templates held in memory by name (Jinja2's `DictLoader`): for tests, for `octobatch render --jsonl`,
/// and for callers that already hold template text.
///
/// Invariant: the sources are fixed at creation; each is compiled on every request (callers that render
/// many units compile once and keep the `Template`).
public struct TemplateDictionary: TemplateLoading {
    public let sources: [String: String]

    public init(_ sources: [String: String]) {
        self.sources = sources
    }

    public func template(named name: String) throws(TemplateError) -> Template {
        guard let source = sources[name] else { throw TemplateError(.notFound, name) }
        return try Template(source: source, name: name, loader: self)
    }
}
