/// Where `{% include "name" %}` finds other templates.
///
/// Invariant: implementations are safe to call from concurrent renders and return equivalent templates
/// for the same name; `TemplateDirectory` caches by path, `TemplateDictionary` compiles on each request.
public protocol TemplateLoading: Sendable {
    /// The template called `name` (relative to the loader's root), compiled.
    func template(named name: String) throws(TemplateError) -> Template
}
