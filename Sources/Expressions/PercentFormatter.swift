import Basics
import Foundation

/// printf-style `str % args` (`%s %r %d %i %f %e %g %x %o %c %%`, flags `-+ #0`, width, precision,
/// `%(name)s` with a dict).
enum PercentFormatter {
    static func format(_ template: String, _ args: Value) throws(ExpressionError) -> String {
        var positional: [Value]
        var mapping: ValueObject?
        // CPython treats any non-tuple, non-str argument with `__getitem__` (dict, list) as a mapping: then
        // unused arguments are not an error (`'text' % [1] == 'text'`).
        var subscriptable = false
        switch args {
        case .tuple(let items): positional = items
        case .object(let o): positional = [args]; mapping = o; subscriptable = true
        case .array: positional = [args]; subscriptable = true
        default: positional = [args]
        }
        let c = Array(template.unicodeScalars)
        var out = ""
        var i = 0, next = 0
        func take() throws(ExpressionError) -> Value {
            guard next < positional.count else { throw .type("not enough arguments for format string") }
            defer { next += 1 }
            return positional[next]
        }
        while i < c.count {
            guard c[i] == "%" else { out.unicodeScalars.append(c[i]); i += 1; continue }
            i += 1
            guard i < c.count else { throw .value("incomplete format") }
            var value: Value?
            if c[i] == "(" {
                guard let close = c[i...].firstIndex(of: ")"), let mapping else {
                    if case .array = args { throw .type("list indices must be integers or slices, not str") }
                    throw .type("format requires a mapping")
                }
                let key = String(String.UnicodeScalarView(c[(i + 1)..<close]))
                guard let v = mapping[key] else { throw ExpressionError(.key, Value.string(key).pythonRepr) }
                value = v
                i = close + 1
            }
            var flags = ""
            while i < c.count, "-+ #0".unicodeScalars.contains(c[i]) { flags.unicodeScalars.append(c[i]); i += 1 }
            var width = ""
            if i < c.count, c[i] == "*" { width = String(try take().intValue ?? 0); i += 1 }
            while i < c.count, c[i].isASCIIDigit { width.unicodeScalars.append(c[i]); i += 1 }
            var precision: String?
            if i < c.count, c[i] == "." {
                i += 1
                var p = ""
                while i < c.count, c[i].isASCIIDigit { p.unicodeScalars.append(c[i]); i += 1 }
                precision = p.isEmpty ? "0" : p
            }
            guard i < c.count else { throw .value("incomplete format") }
            let conv = Character(c[i])
            i += 1
            if conv == "%" { out += "%"; continue }
            let v: Value
            if let value { v = value } else { v = try take() }
            let precisionValue = precision.flatMap { Int($0) }
            out += try convert(v, conv, flags: flags, width: Int(width) ?? 0, precision: precisionValue)
        }
        if !subscriptable && next < positional.count { throw .type("not all arguments converted during string formatting") }
        return out
    }

    /// One conversion with printf's rules: precision is the minimum digit count for integers and the maximum
    /// length for strings; `0` pads between sign/prefix and digits unless `-` is given; signs only for numbers.
    static func convert(_ v: Value, _ conv: Character, flags: String, width: Int, precision: Int?) throws(ExpressionError) -> String {
        let left = flags.contains("-"), zero = flags.contains("0") && !left, alternate = flags.contains("#")
        func pad(_ sign: String, _ prefix: String, _ body: String, zeroAllowed: Bool = true) -> String {
            let length = sign.count + prefix.count + body.unicodeScalars.count
            let padding = max(0, width - length)
            if left { return sign + prefix + body + String(repeating: " ", count: padding) }
            if zero && zeroAllowed { return sign + prefix + String(repeating: "0", count: padding) + body }
            return String(repeating: " ", count: padding) + sign + prefix + body
        }
        func signFor(_ negative: Bool) -> String {
            negative ? "-" : (flags.contains("+") ? "+" : (flags.contains(" ") ? " " : ""))
        }
        switch conv {
        case "s", "r", "a":
            var text = conv == "s" ? v.pythonStr : (conv == "r" ? v.pythonRepr : PythonRuntime.ascii(.value(v)))
            if let precision { text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(precision))) }
            return pad("", "", text, zeroAllowed: false)
        case "d", "i", "u", "x", "X", "o":
            let n: Int
            switch NumericValue(v) {
            case .int(let i)?: n = i
            case .double(let d)?:
                if conv == "x" || conv == "X" || conv == "o" {
                    throw .type("%\(conv) format: an integer is required, not float")
                }
                if d.isNaN { throw .value("cannot convert float NaN to integer") }
                guard d.isFinite, let i = Int(exactly: d.rounded(.towardZero)) else { throw .overflow("cannot convert float infinity to integer") }
                n = i
            case nil:
                let what = conv == "d" || conv == "i" || conv == "u" ? "a real number is required" : "an integer is required"
                throw .type("%\(conv) format: \(what), not \(v.pythonTypeName)")
            }
            let radix = conv == "o" ? 8 : (conv == "x" || conv == "X" ? 16 : 10)
            var digits = String(n.magnitude, radix: radix)
            if conv == "X" { digits = digits.uppercased() }
            if let precision, digits.count < precision { digits = String(repeating: "0", count: precision - digits.count) + digits }
            var prefix = ""
            if alternate { prefix = conv == "o" ? "0o" : (conv == "x" ? "0x" : (conv == "X" ? "0X" : "")) }
            return pad(signFor(n < 0), prefix, digits)
        case "e", "E", "f", "F", "g", "G":
            guard let n = NumericValue(v) else { throw .type("must be real number, not \(v.pythonTypeName)") }
            let d = n.asDouble
            let negative = d.sign == .minus && !d.isNaN
            let magnitude = Swift.abs(d)
            if !magnitude.isFinite {
                var text = magnitude.isNaN ? "nan" : "inf"
                if conv.isUppercase { text = text.uppercased() }
                return pad(signFor(negative), "", text, zeroAllowed: false)
            }
            let p = precision ?? 6
            let lower = Character(conv.lowercased())
            var body = String(format: "%\(alternate ? "#" : "").\(p)\(lower)", magnitude)
            if conv.isUppercase { body = body.uppercased() }
            return pad(signFor(negative), "", body)
        case "c":
            if case .string(let s) = v, s.unicodeScalars.count == 1 { return pad("", "", s, zeroAllowed: false) }
            if let i = v.intValue, i >= 0, let u = Unicode.Scalar(UInt32(clamping: i)) { return pad("", "", String(u), zeroAllowed: false) }
            throw .type("%c requires int or char")
        default:
            throw .value("unsupported format character '\(conv)'")
        }
    }
}
