import Basics

/// A defect of a schema found while checking or compiling it, located by JSON Pointer into the schema.
///
/// Invariant: `pointer` is a JSON Pointer into the root document (`""` is the whole schema), or an
/// absolute `uri#/pointer` for a problem inside another registered document.
struct SchemaProblem: Sendable {
    var id: String
    var message: String
    var pointer: String

    /// The problem as a diagnostic: located at line/column when the schema text is known, and always
    /// naming the JSON path (`$.properties.a.type`).
    func diagnostic(file: String?, text: String?, severity: Diagnostic.Severity = .error) -> Diagnostic {
        let isLocal = pointer.isEmpty || pointer.hasPrefix("/")
        let pathText = isLocal ? Self.jsonPath(pointer) : pointer
        var location: SourceLocation?
        if let file {
            if isLocal, let text, let position = JSONSourceLocator.position(of: pointer, in: text) {
                location = SourceLocation(file: file, line: position.line, column: position.column)
            } else {
                location = SourceLocation(file: file, line: 1, column: 1)
            }
        }
        return Diagnostic(severity, id: id, "\(message) (at \(pathText))", at: location)
    }

    /// `/properties/a/type` → `$.properties.a.type`; numeric tokens become `[i]`.
    static func jsonPath(_ pointer: String) -> String {
        let components: [PathComponent] = (JSONPointer.tokens(pointer) ?? []).map { token in
            if let i = Int(token), token == String(i) { return .index(i) }
            return .key(token)
        }
        return PathComponent.render(components)
    }
}
