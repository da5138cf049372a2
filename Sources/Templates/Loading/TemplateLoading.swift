/// Where `{% include "name" %}` finds other templates.
///
/// Invariant: implementations return the same compiled template for the same name while the file is
/// unchanged (templates are cached by path), and are safe to call from concurrent renders.
public protocol TemplateLoading: Sendable {
    /// The template called `name` (relative to the loader's root), compiled.
    func template(named name: String) throws(TemplateError) -> Template
}

extension TemplateLoading {
    func compiledTemplate(named name: String) throws(TemplateError) -> Template {
        try template(named: name)
    }
}
