/// Python's `int(str)` and `float(str)` for the strings LLMs put where numbers belong.
///
/// Invariants: surrounding whitespace is allowed; single `_` separators between digits are allowed;
/// a leading `+`/`-` is allowed; Unicode decimal digits count as digits (as in Python). `int` refuses
/// anything with a point or exponent ("5.0"), and values outside `Int` (Python would grow; we refuse).
/// `float` refuses `nan`/`inf`/`infinity` and overflow, which the coercion must not produce.
enum PythonNumberParsing {
    static func int(_ text: String) -> Int? {
        let scalars = Array(stripped(text))
        var i = 0
        var negative = false
        if i < scalars.count, scalars[i] == "+" || scalars[i] == "-" {
            negative = scalars[i] == "-"
            i += 1
        }
        guard let digits = digitString(scalars, &i), i == scalars.count else { return nil }
        guard let magnitude = Int(negative ? "-" + digits : digits) else { return nil }
        return magnitude
    }

    /// A finite `float(text)`, or nil.
    static func float(_ text: String) -> Double? {
        let scalars = Array(stripped(text))
        var i = 0
        var normalized = ""
        if i < scalars.count, scalars[i] == "+" || scalars[i] == "-" {
            if scalars[i] == "-" { normalized = "-" }
            i += 1
        }
        let whole = digitString(scalars, &i)
        var fraction: String?
        if i < scalars.count, scalars[i] == "." {
            i += 1
            fraction = digitString(scalars, &i) ?? ""
        }
        guard whole != nil || !(fraction ?? "").isEmpty else { return nil }
        normalized += (whole ?? "0") + "." + ((fraction ?? "").isEmpty ? "0" : fraction ?? "0")
        if i < scalars.count, scalars[i] == "e" || scalars[i] == "E" {
            i += 1
            var exponent = "e"
            if i < scalars.count, scalars[i] == "+" || scalars[i] == "-" {
                exponent.unicodeScalars.append(scalars[i])
                i += 1
            }
            guard let digits = digitString(scalars, &i) else { return nil }
            normalized += exponent + digits
        }
        guard i == scalars.count, let value = Double(normalized), value.isFinite else { return nil }
        return value
    }

    /// Digits with single underscores between them, converted to ASCII; nil when there is no digit.
    private static func digitString(_ scalars: [Unicode.Scalar], _ i: inout Int) -> String? {
        var out = ""
        var lastWasDigit = false
        let start = i
        while i < scalars.count {
            let scalar = scalars[i]
            if let digit = decimalValue(scalar) {
                out.unicodeScalars.append(Unicode.Scalar(UInt8(48 + digit)))
                lastWasDigit = true
            } else if scalar == "_", lastWasDigit, i + 1 < scalars.count, decimalValue(scalars[i + 1]) != nil {
                lastWasDigit = false
            } else {
                break
            }
            i += 1
        }
        if out.isEmpty { i = start; return nil }
        return out
    }

    private static func decimalValue(_ scalar: Unicode.Scalar) -> Int? {
        if scalar.isASCII {
            let v = Int(scalar.value) - 48
            return (0...9).contains(v) ? v : nil
        }
        guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue else { return nil }
        return Int(value)
    }

    /// Python `str.strip()`: removes Unicode whitespace at both ends.
    static func stripped(_ text: String) -> String.UnicodeScalarView.SubSequence {
        let scalars = text.unicodeScalars
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        while lower < upper, scalars[lower].properties.isWhitespace { lower = scalars.index(after: lower) }
        while upper > lower, scalars[scalars.index(before: upper)].properties.isWhitespace { upper = scalars.index(before: upper) }
        return scalars[lower..<upper]
    }
}
