import Basics

/// `str.format(*args, **kwargs)`: `{}`, `{0}`, `{name}`, `{name[key]}`/`{name.attr}` are not supported
/// (error), `!r`/`!s`/`!a` conversions and format specs are.
enum StringFormatMethod {
    static func format(_ s: String, _ a: ExpressionCompiler.Arguments) throws(ExpressionError) -> String {
        let c = Array(s.unicodeScalars)
        var out = ""
        var i = 0, auto = 0
        while i < c.count {
            let ch = c[i]
            if ch == "{" {
                if i + 1 < c.count && c[i + 1] == "{" { out += "{"; i += 2; continue }
                var j = i + 1
                var depth = 1
                while j < c.count {
                    if c[j] == "{" { depth += 1 }
                    if c[j] == "}" { depth -= 1; if depth == 0 { break } }
                    j += 1
                }
                guard j < c.count else { throw .value("Single '{' encountered in format string") }
                let field = String(String.UnicodeScalarView(c[(i + 1)..<j]))
                var name = field, spec = "", conversion: Character?
                if let colon = field.firstIndex(of: ":") { name = String(field[..<colon]); spec = String(field[field.index(after: colon)...]) }
                if let bang = name.firstIndex(of: "!") {
                    conversion = name[name.index(after: bang)...].first
                    name = String(name[..<bang])
                }
                if spec.contains("{") { spec = try format(spec, a) }
                var value: RuntimeValue
                if name.isEmpty {
                    guard auto < a.positional.count else { throw ExpressionError(.index, "Replacement index \(auto) out of range for positional args tuple") }
                    value = a.positional[auto]
                    auto += 1
                } else if let index = Int(name) {
                    guard index < a.positional.count else { throw ExpressionError(.index, "Replacement index \(index) out of range for positional args tuple") }
                    value = a.positional[index]
                } else if let kw = Builtins.keyword(a, name) {
                    value = kw
                } else if name.contains(".") || name.contains("[") {
                    throw ExpressionError(.notSupported, "attribute or index lookups in str.format fields are not supported")
                } else {
                    throw ExpressionError(.key, Value.string(name).pythonRepr)
                }
                switch conversion {
                case "r": value = .value(.string(PythonRuntime.repr(value)))
                case "s": value = .value(.string(PythonRuntime.str(value)))
                case "a": value = .value(.string(PythonRuntime.ascii(value)))
                default: break
                }
                out += try FormatSpec.format(value, spec: spec)
                i = j + 1
            } else if ch == "}" {
                guard i + 1 < c.count && c[i + 1] == "}" else { throw .value("Single '}' encountered in format string") }
                out += "}"
                i += 2
            } else {
                out.unicodeScalars.append(ch)
                i += 1
            }
        }
        return out
    }
}
