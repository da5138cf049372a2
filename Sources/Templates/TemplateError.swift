import Basics

/// A failure to compile or render a template: what went wrong, where, and of which kind.
///
/// Invariants: `message` is the text Jinja2 would put in its exception where we reproduce it (undefined
/// names, attributes and items use Jinja2's exact wording); `location` is 1-based and names the template
/// file; render errors are per render call, so a caller rendering many units attaches the unit id itself.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class of failure; maps onto the Jinja2/Python exception type and a diagnostic id.
    public enum Kind: String, Sendable, Hashable {
        /// The template text is not valid Jinja (Jinja2 `TemplateSyntaxError`).
        case syntax
        /// An undefined name, attribute or item was used (Jinja2 `UndefinedError` under `StrictUndefined`).
        case undefined
        /// An operation was applied to values of the wrong type (Python `TypeError`).
        case type
        /// A value had the right type but an unusable content (Python `ValueError`, `ZeroDivisionError`).
        case value
        /// A filter or test received arguments it cannot use (Jinja2 `FilterArgumentError`, unknown names).
        case argument
        /// An included template does not exist (Jinja2 `TemplateNotFound`).
        case notFound
        /// Something Jinja2 supports that this engine deliberately does not (see README).
        case unsupported
    }

    public var kind: Kind
    public var message: String
    public var location: SourceLocation?

    public init(_ kind: Kind, _ message: String, at location: SourceLocation? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// The stable diagnostic id of this error.
    public var diagnosticID: String {
        switch kind {
        case .syntax: return "template.syntax-error"
        case .undefined: return "template.undefined-variable"
        case .notFound: return "template.not-found"
        case .unsupported: return "template.unsupported"
        case .type, .value, .argument: return "template.render-error"
        }
    }

    /// The error as a located diagnostic.
    public var diagnostic: Diagnostic {
        .error(diagnosticID, message, at: location)
    }

    /// `file:line:col: message`.
    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
