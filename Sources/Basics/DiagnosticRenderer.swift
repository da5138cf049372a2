/// Renders diagnostics for people (text with the source line and a caret) and for tools (JSON).
///
/// Text form, as in DESIGN §7:
/// ```
/// config.yaml:12:7: error: unknown key 'promts' [config.unknown-key]
///    12 |   promts:
///       |   ^~~~~~
///   note: ...
///   help: did you mean 'prompts'?
/// ```
/// The source line comes from `sources` (path → text); a location whose file is unknown prints without an
/// excerpt. Colour (bold severity) is used only when `color` is true.
public struct DiagnosticRenderer: Sendable {
    public var sources: [String: String]
    public var color: Bool

    public init(sources: [String: String] = [:], color: Bool = false) {
        self.sources = sources
        self.color = color
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        if let location = diagnostic.location { out += "\(location): " }
        out += styled(diagnostic.severity) + ": " + diagnostic.message + " [\(diagnostic.id)]\n"
        if let location = diagnostic.location, let excerpt = excerpt(at: location) {
            out += excerpt
        }
        for note in diagnostic.notes {
            if let location = note.location {
                out += "  note: \(location): \(note.message)\n"
            } else {
                out += "  note: \(note.message)\n"
            }
        }
        if let help = diagnostic.help { out += "  help: \(help)\n" }
        return out
    }

    private func styled(_ severity: Diagnostic.Severity) -> String {
        guard color else { return severity.rawValue }
        switch severity {
        case .error: return "\u{1B}[1;31merror\u{1B}[0m"
        case .warning: return "\u{1B}[1;33mwarning\u{1B}[0m"
        case .note: return "\u{1B}[1;36mnote\u{1B}[0m"
        }
    }

    private func excerpt(at location: SourceLocation) -> String? {
        guard let text = sources[location.file], location.line >= 1 else { return nil }
        var lineNumber = 1
        var found: Substring?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if lineNumber == location.line {
                found = line
                break
            }
            lineNumber += 1
        }
        guard var line = found else { return nil }
        if line.hasSuffix("\r") { line = line.dropLast() }
        let gutter = String(location.line)
        let pad = String(repeating: " ", count: gutter.count)
        // Tabs are kept in the caret line so the caret lines up with the source.
        var caretPrefix = ""
        for (i, scalar) in line.unicodeScalars.enumerated() where i < location.column - 1 {
            caretPrefix.append(scalar == "\t" ? "\t" : " ")
        }
        if caretPrefix.unicodeScalars.count < location.column - 1 {
            caretPrefix += String(repeating: " ", count: location.column - 1 - caretPrefix.unicodeScalars.count)
        }
        let underline = "^" + String(repeating: "~", count: max(0, location.length - 1))
        return " \(gutter) | \(line)\n \(pad) | \(caretPrefix)\(underline)\n"
    }

    /// The JSON form: `{"severity", "id", "message", "file", "line", "column", "notes", "help"}`.
    public static func json(_ diagnostic: Diagnostic) -> Value {
        var object = ValueObject()
        object["severity"] = .string(diagnostic.severity.rawValue)
        object["id"] = .string(diagnostic.id)
        object["message"] = .string(diagnostic.message)
        if let location = diagnostic.location {
            object["file"] = .string(location.file)
            object["line"] = .int(location.line)
            object["column"] = .int(location.column)
        }
        object["notes"] = .array(diagnostic.notes.map { note in
            var n = ValueObject()
            n["message"] = .string(note.message)
            if let location = note.location {
                n["file"] = .string(location.file)
                n["line"] = .int(location.line)
                n["column"] = .int(location.column)
            }
            return .object(n)
        })
        if let help = diagnostic.help { object["help"] = .string(help) }
        return .object(object)
    }
}
