/// Python's backslash escapes in non-raw string literals.
///
/// Invariant: unknown escapes keep the backslash (Python's behaviour, with its warning omitted);
/// `\N{name}` is rejected as not supported rather than guessed.
enum StringEscapes {
    static func decode(_ body: [Unicode.Scalar], offset: Int) throws -> String {
        var out = String.UnicodeScalarView()
        var i = 0
        func fail(_ message: String) -> ExpressionError {
            ExpressionError(.syntax, message, offset: offset + i, length: 2)
        }
        while i < body.count {
            let c = body[i]
            guard c == "\\", i + 1 < body.count else {
                out.append(c)
                i += 1
                continue
            }
            let e = body[i + 1]
            switch e {
            case "\n": i += 2
            case "\\", "'", "\"": out.append(e); i += 2
            case "n": out.append("\n"); i += 2
            case "t": out.append("\t"); i += 2
            case "r": out.append("\r"); i += 2
            case "a": out.append("\u{07}"); i += 2
            case "b": out.append("\u{08}"); i += 2
            case "f": out.append("\u{0C}"); i += 2
            case "v": out.append("\u{0B}"); i += 2
            case "0"..."7":
                var value: UInt32 = 0
                var j = i + 1
                while j < body.count && j < i + 4 && body[j].value >= 48 && body[j].value <= 55 {
                    value = value * 8 + (body[j].value - 48)
                    j += 1
                }
                guard let scalar = Unicode.Scalar(value) else { throw fail("invalid octal escape") }
                out.append(scalar)
                i = j
            case "x", "u", "U":
                let width = e == "x" ? 2 : (e == "u" ? 4 : 8)
                guard i + 2 + width <= body.count else { throw fail("truncated \\\(e) escape") }
                let hex = String(String.UnicodeScalarView(body[(i + 2)..<(i + 2 + width)]))
                guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                    throw fail("invalid \\\(e) escape")
                }
                out.append(scalar)
                i += 2 + width
            case "N":
                throw ExpressionError(.notSupported, "\\N{...} escapes are not supported", offset: offset + i)
            default:
                out.append(c)
                i += 1
            }
        }
        return String(out)
    }
}
