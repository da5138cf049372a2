import Basics

/// Python's `str.format` for the fields templates use: `{}`, `{0}`, `{name}`, `{{`/`}}`, with an optional
/// `!r`/`!s` conversion. Invariant: a format spec after `:` is refused rather than guessed.
enum BraceFormat {
    static func format(_ template: String, _ args: [Value], _ kwargs: [(String, Value)]) throws(PythonError) -> String {
        let s = Array(template.unicodeScalars)
        var out = String.UnicodeScalarView()
        var automatic = 0
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "{" {
                if i + 1 < s.count, s[i + 1] == "{" { out.append("{"); i += 2; continue }
                guard let close = s[i...].firstIndex(of: "}") else { throw .value("expected '}' before end of string") }
                var field = PythonStrings.string(s[(i + 1)..<close])
                var conversion: String? = nil
                if let bang = field.firstIndex(of: "!") {
                    conversion = String(field[field.index(after: bang)...])
                    field = String(field[..<bang])
                }
                if field.contains(":") {
                    throw PythonError(.unsupported, "format specs in str.format are not supported")
                }
                let value: Value
                if field.isEmpty {
                    guard automatic < args.count else { throw PythonError(.value, "Replacement index \(automatic) out of range for positional args tuple") }
                    value = args[automatic]
                    automatic += 1
                } else if let index = Int(field) {
                    guard index >= 0, index < args.count else { throw PythonError(.value, "Replacement index \(index) out of range for positional args tuple") }
                    value = args[index]
                } else {
                    guard let v = kwargs.first(where: { $0.0 == field })?.1 else { throw .value("KeyError: '\(field)'") }
                    value = v
                }
                let text = conversion == "r" ? value.pythonRepr : value.pythonStr
                out.append(contentsOf: text.unicodeScalars)
                i = close + 1
                continue
            }
            if c == "}" {
                if i + 1 < s.count, s[i + 1] == "}" { out.append("}"); i += 2; continue }
                throw .value("Single '}' encountered in format string")
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }
}
