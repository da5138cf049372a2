/// A parsed template: its normalised source (for locations), its statement tree and the loader that
/// resolves its `{% include %}`s.
///
/// Invariants: immutable after parsing, hence safe to share between concurrent renders; `loader` is
/// nil for templates compiled from a string without one (their includes fail with `.notFound`).
final class CompiledTemplate: Sendable {
    let name: String
    let source: SourceText
    let nodes: [Node]
    let loader: (any TemplateLoading)?

    init(source: String, name: String, loader: (any TemplateLoading)?) throws(TemplateError) {
        self.name = name
        self.source = SourceText(source, file: name)
        self.nodes = try TemplateParser.parse(self.source)
        self.loader = loader
    }
}
