/// Number and string literals inside tags, with Jinja2's (Python's) spelling and escape rules.
extension TemplateLexer {
    private func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c >= "0" && c <= "9"
    }

    /// Digits possibly separated by single underscores (`1_000`), from `i`; returns the end offset.
    private func scanDigits(_ s: [Unicode.Scalar], from i: Int) -> Int {
        var j = i
        while j < s.count {
            if isDigit(s[j]) { j += 1; continue }
            if s[j] == "_", j + 1 < s.count, isDigit(s[j + 1]), j > i { j += 1; continue }
            break
        }
        return j
    }

    mutating func lexNumber() throws(TemplateError) {
        let s = source.scalars
        let begin = currentOffset
        // Hex, octal and binary integers.
        if s[begin] == "0", begin + 1 < s.count, let radix = Self.radix(of: s[begin + 1]) {
            var j = begin + 2
            var digits = ""
            while j < s.count, s[j] == "_" || Int(String(s[j]), radix: radix) != nil {
                if s[j] != "_" { digits.unicodeScalars.append(s[j]) }
                j += 1
            }
            if let value = Int(digits, radix: radix) {
                append(.integer(value), at: begin, end: j)
                return
            }
        }
        let intEnd = scanDigits(s, from: begin)
        var end = intEnd
        var isFloat = false
        let afterDot = begin > 0 && s[begin - 1] == "."
        if !afterDot {
            if end + 1 < s.count, s[end] == ".", isDigit(s[end + 1]) {
                end = scanDigits(s, from: end + 1)
                isFloat = true
            }
            if end < s.count, s[end] == "e" || s[end] == "E" {
                var k = end + 1
                if k < s.count, s[k] == "+" || s[k] == "-" { k += 1 }
                if isDigit(k < s.count ? s[k] : nil) {
                    end = scanDigits(s, from: k)
                    isFloat = true
                }
            }
        }
        var text = ""
        for c in s[begin..<end] where c != "_" { text.unicodeScalars.append(c) }
        if isFloat {
            guard let value = Double(text) else { throw syntaxError("invalid number '\(text)'", at: begin) }
            append(.float(value), at: begin, end: end)
            return
        }
        // Python's decimal rule: no leading zeros except for zero itself ("0_0" is fine).
        if text.count > 1, text.hasPrefix("0") {
            var j = begin + 1
            while j < intEnd, s[j] == "0" || s[j] == "_" { j += 1 }
            append(.integer(0), at: begin, end: j)
            return
        }
        guard let value = Int(text) else {
            throw TemplateError(.unsupported, "integer literal \(text) does not fit in 64 bits",
                                at: source.location(begin))
        }
        append(.integer(value), at: begin, end: end)
    }

    private static func radix(of c: Unicode.Scalar) -> Int? {
        switch c {
        case "x", "X": return 16
        case "o", "O": return 8
        case "b", "B": return 2
        default: return nil
        }
    }

    mutating func lexString() throws(TemplateError) {
        let s = source.scalars
        let begin = currentOffset
        let quote = s[begin]
        var j = begin + 1
        var raw: [Unicode.Scalar] = []
        while j < s.count, s[j] != quote {
            if s[j] == "\\" {
                guard j + 1 < s.count else { break }
                raw.append(s[j]); raw.append(s[j + 1])
                j += 2
                continue
            }
            raw.append(s[j])
            j += 1
        }
        guard j < s.count else {
            throw syntaxError("unexpected char '\(Character(quote))' at \(begin)", at: begin)
        }
        let value = try Self.unescape(raw, at: begin, source: source)
        append(.string(value), at: begin, end: j + 1)
    }

    /// Python's `unicode-escape` decoding of a string literal's body.
    static func unescape(_ raw: [Unicode.Scalar], at offset: Int, source: SourceText) throws(TemplateError) -> String {
        var out = String.UnicodeScalarView()
        var i = 0
        func hex(_ count: Int, _ name: String) throws(TemplateError) -> Unicode.Scalar {
            var text = ""
            for k in 0..<count {
                guard i + 1 + k < raw.count else {
                    throw TemplateError(.syntax, "truncated \\\(name) escape", at: source.location(offset))
                }
                text.unicodeScalars.append(raw[i + 1 + k])
            }
            guard let v = UInt32(text, radix: 16), let scalar = Unicode.Scalar(v) else {
                throw TemplateError(.syntax, "truncated \\\(name) escape", at: source.location(offset))
            }
            i += count
            return scalar
        }
        while i < raw.count {
            let c = raw[i]
            guard c == "\\", i + 1 < raw.count else {
                out.append(c)
                i += 1
                continue
            }
            i += 1
            let e = raw[i]
            switch e {
            case "\n": break
            case "\\": out.append("\\")
            case "'": out.append("'")
            case "\"": out.append("\"")
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "v": out.append("\u{0B}")
            case "x": out.append(try hex(2, "xXX"))
            case "u": out.append(try hex(4, "uXXXX"))
            case "U": out.append(try hex(8, "UXXXXXXXX"))
            case "0"..."7":
                var v: UInt32 = 0
                var k = 0
                while k < 3, i < raw.count, raw[i] >= "0", raw[i] <= "7" {
                    v = v * 8 + (raw[i].value - 48)
                    i += 1
                    k += 1
                }
                i -= 1
                if let scalar = Unicode.Scalar(v) { out.append(scalar) }
            default:
                out.append("\\")
                out.append(e)
            }
            i += 1
        }
        return String(out)
    }
}
