/// Python's `str()` and `repr()` of a `Value`, because values end up in prompts and messages.
///
/// `str()` differs from `repr()` only at the top level of a string (no quotes); containers always show
/// their elements with `repr()`: `['a', 1]`, `{'k': 'v'}`, `(1,)`, `{1, 2}`, `set()`, `True`, `None`, `0.5`.
extension Value {
    /// `str(self)`.
    public var pythonStr: String {
        if case .string(let s) = self { return s }
        var out = ""
        appendRepr(to: &out)
        return out
    }

    /// `repr(self)`.
    public var pythonRepr: String {
        var out = ""
        appendRepr(to: &out)
        return out
    }

    public func appendRepr(to out: inout String) {
        switch self {
        case .null: out += "None"
        case .bool(let b): out += b ? "True" : "False"
        case .int(let i): out += String(i)
        case .double(let d): out += PythonFloat.repr(d)
        case .string(let s): Value.appendStringRepr(s, to: &out)
        case .array(let items):
            out += "["
            Value.appendItems(items, to: &out)
            out += "]"
        case .tuple(let items):
            out += "("
            Value.appendItems(items, to: &out)
            if items.count == 1 { out += "," }
            out += ")"
        case .set(let items):
            if items.isEmpty {
                out += "set()"
            } else {
                out += "{"
                Value.appendItems(items, to: &out)
                out += "}"
            }
        case .object(let object):
            out += "{"
            var first = true
            for (key, value) in object {
                if !first { out += ", " }
                first = false
                Value.appendStringRepr(key, to: &out)
                out += ": "
                value.appendRepr(to: &out)
            }
            out += "}"
        }
    }

    private static func appendItems(_ items: [Value], to out: inout String) {
        for (i, item) in items.enumerated() {
            if i > 0 { out += ", " }
            item.appendRepr(to: &out)
        }
    }

    /// Python's `repr(str)`: single quotes unless the text has `'` and no `"`; `\\`, `\n`, `\r`, `\t` and the
    /// quote escaped; other non-printable characters as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
    public static func appendStringRepr(_ s: String, to out: inout String) {
        // Byte scans, not `String.contains(_:)` (Foundation's substring search, ~30× slower per call).
        let utf8 = s.utf8
        let single = UInt8(ascii: "'"), double = UInt8(ascii: "\"")
        let quoteByte = utf8.contains(single) && !utf8.contains(double) ? double : single
        let quote = Unicode.Scalar(quoteByte)
        out.unicodeScalars.append(quote)
        // Printable ASCII without the quote or a backslash (most prompt text) is copied as it is.
        if !utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F || $0 == quoteByte || $0 == UInt8(ascii: "\\") }) {
            out += s
            out.unicodeScalars.append(quote)
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar == quote {
                    out += "\\"
                    out.unicodeScalars.append(scalar)
                } else if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    let v = scalar.value
                    let hex = String(v, radix: 16)
                    if v < 0x100 {
                        out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                    } else if v < 0x10000 {
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                    }
                }
            }
        }
        out.unicodeScalars.append(quote)
    }

    /// Python's `str.isprintable()` for one character: everything but the categories Cc, Cf, Cs, Co, Cn,
    /// Zl, Zp and Zs (the ASCII space excepted).
    public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x20 && scalar.value < 0x7F { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
