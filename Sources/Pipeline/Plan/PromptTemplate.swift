import Basics
import Templates

/// A step's prompt template, compiled at plan time.
///
/// Invariant: `template` was compiled from the file at `path` when the plan was made; `displayPath` is how
/// diagnostics and render errors name it.
public struct PromptTemplate: Sendable {
    public let path: String
    public let displayPath: String
    public let template: Template
    /// The template's source text (for estimates when no sample prompt can be rendered).
    public let source: String

    public func render(_ context: ValueObject) throws(TemplateError) -> String {
        try template.render(context)
    }
}
