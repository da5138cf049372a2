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

    static func type(_ message: String) -> PythonError { PythonError(.type, message) }
    static func value(_ message: String) -> PythonError { PythonError(.value, message) }
}
