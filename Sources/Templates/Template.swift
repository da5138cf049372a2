import Basics

/// A compiled Jinja2 template: parse once, render many times, from any number of threads.
///
/// Rendering follows the Python Octobatch environment: `autoescape=False`, `keep_trailing_newline=True`,
/// `StrictUndefined`, no `trim_blocks`/`lstrip_blocks`. Values print with Python's `str()`.
/// Invariants: immutable and `Sendable`; `render` has no side effects outside its result; a render
/// error is a `TemplateError` located in the template (file, line, column) that failed.
public struct Template: Sendable {
    let compiled: CompiledTemplate

    /// Compiles `source`. `name` is the file name used in error locations; `loader` resolves
    /// `{% include %}` (without one, includes fail with `.notFound`).
    public init(source: String, name: String = "<template>", loader: (any TemplateLoading)? = nil)
        throws(TemplateError)
    {
        compiled = try CompiledTemplate(source: source, name: name, loader: loader)
    }

    /// The name errors are located in.
    public var name: String { compiled.name }

    /// The template's text, e.g. for `DiagnosticRenderer(sources: [template.name: template.source])`.
    public var source: String { compiled.text }

    /// Renders with `context` as the template's variables (the unit's fields).
    public func render(_ context: ValueObject) throws(TemplateError) -> String {
        try Renderer(template: compiled, context: context).render()
    }
}
