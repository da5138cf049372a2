import Expressions

/// A Python-level failure raised by a value operation (`TypeError`, `ValueError`, …), before the renderer
/// attaches a template location to it.
///
/// Invariant: `message` is Python's own wording where we know it; `kind` maps the Python exception class.
struct PythonError: Error {
    var kind: TemplateError.Kind
    var message: String

    init(_ kind: TemplateError.Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The template-side form of an error raised by `Expressions.PythonRuntime`.
    init(_ error: ExpressionError) {
        switch error.kind {
        case .type, .attribute: kind = .type
        case .undefined, .name: kind = .undefined
        case .syntax: kind = .syntax
        case .notSupported: kind = .unsupported
        case .value, .index, .key, .zeroDivision, .overflow, .limit: kind = .value
        }
        message = error.message
    }

    static func type(_ message: String) -> PythonError { PythonError(.type, message) }
    static func value(_ message: String) -> PythonError { PythonError(.value, message) }
}
