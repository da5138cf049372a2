import Basics
import Foundation

/// printf-style `str % args` (`%s %r %d %i %f %e %g %x %o %c %%`, flags `-+ #0`, width, precision,
/// `%(name)s` with a dict).
enum PercentFormatter {
    static func format(_ template: String, _ args: Value) throws(ExpressionError) -> String {
        var positional: [Value]
        var mapping: ValueObject?
        switch args {
        case .tuple(let items): positional = items
        case .object(let o): positional = [args]; mapping = o
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
                guard let close = c[i...].firstIndex(of: ")"), let mapping else { throw .type("format requires a mapping") }
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
            var spec = ""
            let align = flags.contains("-") ? "<" : ">"
            if flags.contains("0") && !flags.contains("-") && conv != "s" && conv != "r" { spec += "0" } else { spec += align }
            if flags.contains("+") { spec += "+" } else if flags.contains(" ") { spec += " " }
            if flags.contains("#") { spec += "#" }
            spec += width
            switch conv {
            case "s", "r", "a":
                let text = conv == "s" ? v.pythonStr : (conv == "r" ? v.pythonRepr : PythonRuntime.ascii(.value(v)))
                out += try FormatSpec.format(.value(.string(text)), spec: spec + (precision.map { "." + $0 } ?? ""))
            case "d", "i", "u":
                guard let n = NumericValue(v) else { throw .type("%\(conv) format: a real number is required, not \(v.pythonTypeName)") }
                var iv: Int
                switch n {
                case .int(let x): iv = x
                case .double(let d):
                    guard d.isFinite, let x = Int(exactly: d.rounded(.towardZero)) else { throw .overflow("cannot convert float to integer") }
                    iv = x
                }
                out += try FormatSpec.format(.int(iv), spec: spec + "d")
            case "x", "X", "o":
                guard case .int(let n)? = NumericValue(v) else { throw .type("%\(conv) format: an integer is required, not \(v.pythonTypeName)") }
                out += try FormatSpec.format(.int(n), spec: spec + String(conv))
            case "f", "F", "e", "E", "g", "G":
                guard let n = NumericValue(v) else { throw .type("must be real number, not \(v.pythonTypeName)") }
                out += try FormatSpec.format(.value(.double(n.asDouble)), spec: spec + "." + (precision ?? "6") + String(conv))
            case "c":
                if case .string(let s) = v { out += s } else if let n = v.intValue, let u = Unicode.Scalar(UInt32(clamping: n)) { out += String(u) }
            default:
                throw .value("unsupported format character '\(conv)'")
            }
        }
        if mapping == nil && next < positional.count { throw .type("not all arguments converted during string formatting") }
        return out
    }
}
