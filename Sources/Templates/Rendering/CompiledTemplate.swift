/// A parsed template: its normalised source (for locations), its statement tree and the loader that
/// resolves its `{% include %}`s.
///
/// Invariants: immutable after parsing, hence safe to share between concurrent renders; `loader` is
/// nil for templates compiled from a string without one (their includes fail with `.notFound`).
final class CompiledTemplate: Sendable {
    let name: String
    /// The text as given (before newline normalisation), for diagnostics with source excerpts.
    let text: String
    let source: SourceText
    let nodes: [Node]
    let loader: (any TemplateLoading)?
    /// The template's `{% block %}`s by name.
    let blocks: [String: BlockDefinition]
    /// UTF-8 size of the template's top-level text plus some room for values: the output buffer's
    /// initial capacity, so a typical render never reallocates.
    let estimatedOutputSize: Int

    init(source: String, name: String, loader: (any TemplateLoading)?) throws(TemplateError) {
        self.name = name
        self.text = source
        self.source = SourceText(source, file: name)
        self.nodes = try TemplateParser.parse(self.source)
        self.blocks = try TemplateParser.blocks(in: nodes, source: self.source)
        self.loader = loader
        var size = 256
        for case .text(let text) in nodes { size += text.utf8.count }
        estimatedOutputSize = size + size / 8
    }
}
