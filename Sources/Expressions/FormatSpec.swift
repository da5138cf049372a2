import Basics
import Foundation

/// Python's format-spec mini-language (`format(v, spec)`, f-string `{v:spec}`, `str.format`):
/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// Invariant: output equals CPython's `format()` for int, bool, float and str; other types accept only an
/// empty spec (TypeError otherwise, as `object.__format__` does).
struct FormatSpec {
    var fill: Unicode.Scalar = " "
    var align: Character?
    var sign: Character = "-"
    var alternate = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    init(_ spec: String) throws(ExpressionError) {
        let s = Array(spec.unicodeScalars)
        var i = 0
        func isAlign(_ c: Unicode.Scalar) -> Bool { "<>=^".unicodeScalars.contains(c) }
        if s.count >= 2, isAlign(s[1]) {
            fill = s[0]; align = Character(s[1]); i = 2
        } else if s.count >= 1, isAlign(s[0]) {
            align = Character(s[0]); i = 1
        }
        if i < s.count, "+- ".unicodeScalars.contains(s[i]) { sign = Character(s[i]); i += 1 }
        if i < s.count, s[i] == "z" { i += 1 }
        if i < s.count, s[i] == "#" { alternate = true; i += 1 }
        if i < s.count, s[i] == "0" {
            if align == nil { fill = "0"; align = "=" }
            i += 1
        }
        var digits = ""
        while i < s.count, s[i].isASCIIDigit { digits.unicodeScalars.append(s[i]); i += 1 }
        width = Int(digits) ?? 0
        if i < s.count, s[i] == "," || s[i] == "_" { grouping = Character(s[i]); i += 1 }
        if i < s.count, s[i] == "." {
            i += 1
            var p = ""
            while i < s.count, s[i].isASCIIDigit { p.unicodeScalars.append(s[i]); i += 1 }
            guard let value = Int(p) else { throw .value("Format specifier missing precision") }
            precision = value
        }
        if i < s.count { type = Character(s[i]); i += 1 }
        if i < s.count { throw .value("Invalid format specifier '\(spec)'") }
    }

    static func format(_ v: RuntimeValue, spec: String) throws(ExpressionError) -> String {
        if spec.isEmpty { return PythonRuntime.str(v) }
        let f = try FormatSpec(spec)
        switch v {
        case .value(.int(let i)): return try f.formatInt(i)
        case .value(.bool(let b)): return try f.formatInt(b ? 1 : 0)
        case .value(.double(let d)): return try f.formatFloat(d)
        case .value(.string(let s)): return try f.formatString(s)
        default: throw .type("unsupported format string passed to \(PythonRuntime.typeName(v)).__format__")
        }
    }

    func formatString(_ s: String) throws(ExpressionError) -> String {
        if let type, type != "s" { throw .value("Unknown format code '\(type)' for object of type 'str'") }
        if sign != "-" { throw .value("Sign not allowed in string format specifier") }
        if align == "=" { throw .value("'=' alignment not allowed in string format specifier") }
        var text = s
        if let precision { text = String(String.UnicodeScalarView(s.unicodeScalars.prefix(precision))) }
        return StringMethods.pad(text, width, fill, align ?? "<")
    }

    /// The untyped float format with a precision (CPython `'g'` with `Py_DTSF_ADD_DOT_0`): scientific when
    /// the decimal exponent is below -4 or at least `precision`, and always a digit after the point.
    static func shortestWithDot(_ x: Double, precision p: Int, alternate: Bool = false) -> String {
        let scientific = String(format: "%.\(p - 1)e", x)
        if alternate, let e = scientific.firstIndex(of: "e"), let exponent = Int(scientific[scientific.index(after: e)...]) {
            // '#': trailing zeros and the point are kept.
            let decpt = exponent + 1
            if decpt <= -4 || decpt > p - 1 { return String(format: "%#.\(p - 1)e", x) }
            return String(format: "%#.\(p - decpt)f", x)
        }
        guard let eIndex = scientific.firstIndex(of: "e"), let exponent = Int(scientific[scientific.index(after: eIndex)...]) else {
            return scientific
        }
        let decpt = exponent + 1
        func trimZeros(_ t: String) -> String {
            guard t.contains(".") else { return t }
            var r = t
            while r.hasSuffix("0") { r.removeLast() }
            if r.hasSuffix(".") { r.removeLast() }
            return r
        }
        if decpt <= -4 || decpt > p - 1 {
            let mantissa = trimZeros(String(scientific[..<eIndex]))
            return mantissa + String(scientific[eIndex...])
        }
        var fixed = trimZeros(String(format: "%.\(max(0, p - decpt))f", x))
        if !fixed.contains(".") { fixed += ".0" }
        return fixed
    }

    func group(_ digits: String, every n: Int, with separator: Character) -> String {
        var out = ""
        for (k, c) in digits.reversed().enumerated() {
            if k > 0 && k % n == 0 { out.append(separator) }
            out.append(c)
        }
        return String(out.reversed())
    }

    func signed(_ negative: Bool) -> String {
        negative ? "-" : (sign == "+" ? "+" : (sign == " " ? " " : ""))
    }

    /// Pads a number: `=` puts the padding between the sign/prefix and the digits.
    func pad(sign: String, prefix: String, body: String) -> String {
        let a = align ?? ">"
        if a == "=" {
            let n = sign.count + prefix.count + body.unicodeScalars.count
            var b = body
            if fill == "0", let g = grouping, width > n, !body.contains("e") {
                // Zero padding participates in grouping, as CPython does.
                let raw = body.filter { $0 != g }
                let intPart = raw.prefix { $0.isNumber }
                let rest = raw.dropFirst(intPart.count)
                let needed = width - sign.count - prefix.count - rest.count
                var digits = String(intPart)
                while group(digits, every: 3, with: g).count < needed { digits = "0" + digits }
                b = group(digits, every: g == "_" && (type == "x" || type == "b" || type == "o") ? 4 : 3, with: g) + rest
                return sign + prefix + b
            }
            let padding = max(0, width - n)
            return sign + prefix + String(repeating: String(fill), count: padding) + b
        }
        return StringMethods.pad(sign + prefix + body, width, fill, a)
    }

    func formatInt(_ i: Int) throws(ExpressionError) -> String {
        let t = type ?? "d"
        if "eEfFgG%".contains(t) { return try formatFloat(Double(i)) }
        if precision != nil { throw .value("Precision not allowed in integer format specifier") }
        var prefix = ""
        var body: String
        let m = i.magnitude
        switch t {
        case "d", "n": body = String(m)
        case "x": body = String(m, radix: 16); prefix = alternate ? "0x" : ""
        case "X": body = String(m, radix: 16).uppercased(); prefix = alternate ? "0X" : ""
        case "o": body = String(m, radix: 8); prefix = alternate ? "0o" : ""
        case "b": body = String(m, radix: 2); prefix = alternate ? "0b" : ""
        case "c":
            guard i >= 0, let scalar = Unicode.Scalar(UInt32(clamping: i)) else { throw .overflow("%c arg not in range(0x110000)") }
            return StringMethods.pad(String(scalar), width, fill, align ?? "<")
        default: throw .value("Unknown format code '\(t)' for object of type 'int'")
        }
        if let g = grouping { body = group(body, every: t == "d" || t == "n" ? 3 : 4, with: g) }
        return pad(sign: signed(i < 0), prefix: prefix, body: body)
    }

    func formatFloat(_ d: Double) throws(ExpressionError) -> String {
        let t = type
        guard t == nil || "eEfFgGn%".contains(t ?? " ") else {
            throw .value("Unknown format code '\(t ?? " ")' for object of type 'float'")
        }
        let negative = d.sign == .minus && !d.isNaN
        let x = Swift.abs(d)
        var body: String
        if x.isNaN || x.isInfinite {
            body = x.isNaN ? "nan" : "inf"
            if let t, t.isUppercase { body = body.uppercased() }
            if t == "%" { body += "%" }
        } else if t == nil && precision == nil {
            body = PythonFloat.repr(x)
        } else {
            let p = precision ?? 6
            switch t {
            case "f", "F": body = String(format: "%.\(p)f", x)
            case "%": body = String(format: "%.\(p)f", x * 100) + "%"
            case "e", "E":
                body = String(format: "%.\(p)e", x)
                if t == "E" { body = body.uppercased() }
            case "g", "G", "n":
                body = String(format: alternate ? "%#.\(max(p, 1))g" : "%.\(max(p, 1))g", x)
                if t == "G" { body = body.uppercased() }
            default:
                // No type with a precision: like 'g' but always with a digit after the point in fixed notation.
                body = FormatSpec.shortestWithDot(x, precision: max(p, 1), alternate: alternate)
            }
        }
        if let g = grouping, x.isFinite {
            let intPart = body.prefix { $0.isNumber }
            body = group(String(intPart), every: 3, with: g) + body.dropFirst(intPart.count)
        }
        if alternate && (t == "f" || t == "F" || t == "e" || t == "E") && !body.contains(".") {
            if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) { body.insert(".", at: e) } else if x.isFinite { body += "." }
        }
        return pad(sign: signed(negative), prefix: "", body: body)
    }
}

extension PythonRuntime {
    /// `ascii(x)`: `repr` with non-ASCII characters escaped.
    public static func ascii(_ v: RuntimeValue) -> String {
        var out = ""
        for scalar in repr(v).unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar); continue }
            let hex = String(scalar.value, radix: 16)
            if scalar.value < 0x100 { out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
            else if scalar.value < 0x10000 { out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
            else { out += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex }
        }
        return out
    }

    /// `format(value, spec)`.
    public static func format(_ v: RuntimeValue, spec: String) throws(ExpressionError) -> String {
        try FormatSpec.format(v, spec: spec)
    }
}
