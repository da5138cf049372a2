import Basics
import Foundation

/// Python's printf-style `str % args` (used by the `format` filter and the `%` operator on strings).
///
/// Supports `%(name)s` mapping keys, the flags `-+ 0#`, width, precision, `*` and the conversions
/// `s r a d i u f F e E g G x X o c %`. Invariant: argument count mismatches raise Python's TypeErrors.
enum PercentFormat {
    static func format(_ template: String, _ arguments: Value) throws(PythonError) -> String {
        var positional: [Value]
        var mapping: ValueObject? = nil
        switch arguments {
        case .tuple(let items): positional = items
        case .object(let o): positional = [arguments]; mapping = o
        default: positional = [arguments]
        }
        var next = 0
        let s = Array(template.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func nextArgument() throws(PythonError) -> Value {
            guard next < positional.count else { throw .type("not enough arguments for format string") }
            defer { next += 1 }
            return positional[next]
        }
        var usedMapping = false
        while i < s.count {
            let c = s[i]
            guard c == "%" else { out.append(c); i += 1; continue }
            i += 1
            guard i < s.count else { throw .value("incomplete format") }
            var key: String? = nil
            if s[i] == "(" {
                var depth = 1
                var j = i + 1
                while j < s.count, depth > 0 {
                    if s[j] == "(" { depth += 1 } else if s[j] == ")" { depth -= 1 }
                    j += 1
                }
                guard depth == 0 else { throw .value("incomplete format key") }
                key = PythonStrings.string(s[(i + 1)..<(j - 1)])
                i = j
            }
            var flags = Set<Unicode.Scalar>()
            while i < s.count, "-+ 0#".unicodeScalars.contains(s[i]) { flags.insert(s[i]); i += 1 }
            var width: Int? = nil
            if i < s.count, s[i] == "*" {
                guard case .int(let w)? = PythonValues.number(try nextArgument()) else { throw .type("* wants int") }
                if w < 0 { flags.insert("-") }
                width = abs(w)
                i += 1
            } else {
                var digits = 0
                var seen = false
                while i < s.count, let d = Int(String(s[i])), s[i].isASCII { digits = digits * 10 + d; seen = true; i += 1 }
                if seen { width = digits }
            }
            var precision: Int? = nil
            if i < s.count, s[i] == "." {
                i += 1
                if i < s.count, s[i] == "*" {
                    guard case .int(let p)? = PythonValues.number(try nextArgument()) else { throw .type("* wants int") }
                    precision = max(0, p)
                    i += 1
                } else {
                    var digits = 0
                    while i < s.count, let d = Int(String(s[i])), s[i].isASCII { digits = digits * 10 + d; i += 1 }
                    precision = digits
                }
            }
            while i < s.count, "hlL".unicodeScalars.contains(s[i]) { i += 1 }
            guard i < s.count else { throw .value("incomplete format") }
            let conversion = s[i]
            i += 1
            if conversion == "%" {
                out.append("%")
                continue
            }
            let argument: Value
            if let key {
                guard let mapping else { throw .type("format requires a mapping") }
                usedMapping = true
                guard let v = mapping[key] else { throw PythonError(.value, "KeyError: \(Value.string(key).pythonRepr)") }
                argument = v
            } else {
                argument = try nextArgument()
            }
            var text = try convert(argument, conversion, flags: flags, precision: precision)
            if let width, text.unicodeScalars.count < width {
                let pad = width - text.unicodeScalars.count
                if flags.contains("-") {
                    text += String(repeating: " ", count: pad)
                } else if flags.contains("0"), "diufFeEgGxXo".unicodeScalars.contains(conversion) {
                    var sign = ""
                    if let f = text.unicodeScalars.first, f == "-" || f == "+" || f == " " {
                        sign = String(Character(f))
                        text = String(text.dropFirst())
                    }
                    var prefix = ""
                    if flags.contains("#"), text.hasPrefix("0x") || text.hasPrefix("0X") || text.hasPrefix("0o") {
                        prefix = String(text.prefix(2))
                        text = String(text.dropFirst(2))
                    }
                    text = sign + prefix + String(repeating: "0", count: pad) + text
                } else {
                    text = String(repeating: " ", count: pad) + text
                }
            }
            out.append(contentsOf: text.unicodeScalars)
        }
        if mapping == nil || !usedMapping, next < positional.count, mapping == nil {
            throw .type("not all arguments converted during string formatting")
        }
        return String(out)
    }

    private static func convert(_ v: Value, _ conversion: Unicode.Scalar, flags: Set<Unicode.Scalar>, precision: Int?)
        throws(PythonError) -> String
    {
        switch conversion {
        case "s":
            let text = v.pythonStr
            if let precision { return PythonStrings.string(text.unicodeScalars.prefix(precision)) }
            return text
        case "r", "a":
            let text = v.pythonRepr
            if let precision { return PythonStrings.string(text.unicodeScalars.prefix(precision)) }
            return text
        case "d", "i", "u":
            guard let n = PythonValues.number(v) else {
                throw .type("%\(Character(conversion)) format: a real number is required, not \(v.pythonTypeName)")
            }
            let i: Int
            switch n {
            case .int(let x): i = x
            case .double(let d):
                guard d.isFinite, abs(d) < 9.2e18 else { throw .value("cannot convert float to integer") }
                i = Int(d)
            }
            return sign(i < 0, flags) + String(i.magnitude)
        case "x", "X", "o":
            guard case .int(let i)? = PythonValues.number(v), !v.isDouble else {
                throw .type("%\(Character(conversion)) format: an integer is required, not \(v.pythonTypeName)")
            }
            var digits = String(i.magnitude, radix: conversion == "o" ? 8 : 16, uppercase: conversion == "X")
            if flags.contains("#") { digits = (conversion == "o" ? "0o" : (conversion == "X" ? "0X" : "0x")) + digits }
            return sign(i < 0, flags) + digits
        case "f", "F", "e", "E", "g", "G":
            guard let n = PythonValues.number(v) else {
                throw .type("must be real number, not \(v.pythonTypeName)")
            }
            let d = PythonArithmetic.double(n)
            if !d.isFinite {
                var text = d.isNaN ? "nan" : "inf"
                if "FEG".unicodeScalars.contains(conversion) { text = text.uppercased() }
                return sign(d < 0, flags) + text
            }
            var spec = "%"
            if flags.contains("#") { spec += "#" }
            spec += ".\(precision ?? 6)" + String(Character(conversion))
            let text = String(format: spec, d.magnitude)
            return sign(d.sign == .minus, flags) + text
        case "c":
            if case .string(let s) = v, s.unicodeScalars.count == 1 { return s }
            if case .int(let i) = v, let scalar = Unicode.Scalar(UInt32(clamping: i)) { return String(Character(scalar)) }
            throw .type("%c requires int or char")
        default:
            throw .value("unsupported format character '\(Character(conversion))'")
        }
    }

    private static func sign(_ negative: Bool, _ flags: Set<Unicode.Scalar>) -> String {
        if negative { return "-" }
        if flags.contains("+") { return "+" }
        if flags.contains(" ") { return " " }
        return ""
    }
}
