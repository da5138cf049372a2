/// PyYAML `SafeConstructor`'s scalar constructors (`construct_yaml_int`, `_float`, `_bool`) over a scalar's
/// text, with Python's `int()` / `float()` string rules for the pieces.
///
/// Invariant: never rounds or wraps; an integer outside `Int` is `.overflow`, text Python would reject
/// (raising ValueError/KeyError) is `.invalid`.
enum ScalarConstructor {
    /// A constructed value, or why there is none.
    enum Outcome<T> {
        case value(T)
        case overflow
        case invalid
    }

    // MARK: - int

    /// `construct_yaml_int`.
    static func int(_ text: String) -> Outcome<Int> {
        var bytes = Array(text.utf8)
        if let fast = plainDecimal(bytes) { return .value(fast) }
        bytes.removeAll { $0 == UInt8(ascii: "_") }
        guard let first = bytes.first else { return .invalid }
        var negative = false
        if first == UInt8(ascii: "-") { negative = true }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes.removeFirst() }
        let magnitude: Outcome<Magnitude>
        if bytes == [UInt8(ascii: "0")] {
            return .value(0)
        } else if bytes.starts(with: Array("0b".utf8)) {
            magnitude = pythonInt(bytes[2...], radix: 2)
        } else if bytes.starts(with: Array("0x".utf8)) {
            magnitude = pythonInt(bytes[2...], radix: 16)
        } else if bytes.first == UInt8(ascii: "0") {
            magnitude = pythonInt(bytes[...], radix: 8)
        } else if bytes.contains(UInt8(ascii: ":")) {
            magnitude = sexagesimalInt(bytes)
        } else {
            magnitude = pythonInt(bytes[...], radix: 10)
        }
        switch magnitude {
        case .invalid: return .invalid
        case .overflow: return .overflow
        case .value(let m):
            return m.signed(negative: m.negative != negative).map(Outcome.value) ?? .overflow
        }
    }

    /// A sign and a magnitude, so that `-9223372036854775808` fits before the sign is applied.
    struct Magnitude {
        var negative: Bool
        var value: UInt64

        func signed(negative: Bool) -> Int? {
            if negative {
                if value == UInt64(Int.max) + 1 { return Int.min }
                return value <= UInt64(Int.max) ? -Int(value) : nil
            }
            return value <= UInt64(Int.max) ? Int(value) : nil
        }
    }

    /// The common case: optional `-`, then `0` or a nonzero digit followed by digits; nil otherwise.
    private static func plainDecimal(_ b: [UInt8]) -> Int? {
        guard !b.isEmpty, b.count <= 18 else { return nil }
        var i = 0
        let negative = b[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        guard i < b.count, ImplicitResolver.isDigit(b[i]), b[i] != UInt8(ascii: "0") || b.count == i + 1
        else { return nil }
        var value = 0
        while i < b.count {
            guard ImplicitResolver.isDigit(b[i]) else { return nil }
            value = value * 10 + Int(b[i] - UInt8(ascii: "0"))
            i += 1
        }
        return negative ? -value : value
    }

    /// `int(s, radix)`: surrounding whitespace, one sign and the radix's `0b`/`0o`/`0x` prefix allowed.
    static func pythonInt(_ s: ArraySlice<UInt8>, radix: Int) -> Outcome<Magnitude> {
        var s = trimmed(s)
        var negative = false
        if let first = s.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            s = s.dropFirst()
        }
        let prefix: UInt8? = radix == 2 ? UInt8(ascii: "b") : radix == 8 ? UInt8(ascii: "o") : radix == 16 ? UInt8(ascii: "x") : nil
        if let prefix, s.count >= 2, s.first == UInt8(ascii: "0"), s[s.startIndex + 1] | 0x20 == prefix {
            s = s.dropFirst(2)
        }
        guard !s.isEmpty else { return .invalid }
        var value: UInt64 = 0
        var overflow = false
        for c in s {
            guard let digit = digitValue(c), digit < radix else { return .invalid }
            let (times, o1) = value.multipliedReportingOverflow(by: UInt64(radix))
            let (sum, o2) = times.addingReportingOverflow(UInt64(digit))
            overflow = overflow || o1 || o2
            value = sum
        }
        return overflow ? .overflow : .value(Magnitude(negative: negative, value: value))
    }

    /// `a:b:c` = `a*3600 + b*60 + c`, each part read with `int(part)`.
    private static func sexagesimalInt(_ bytes: [UInt8]) -> Outcome<Magnitude> {
        var total = 0
        var base = 1
        for part in bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).reversed() {
            switch pythonInt(part, radix: 10) {
            case .invalid: return .invalid
            case .overflow: return .overflow
            case .value(let m):
                guard let digit = m.signed(negative: m.negative) else { return .overflow }
                let (product, o1) = digit.multipliedReportingOverflow(by: base)
                let (sum, o2) = total.addingReportingOverflow(product)
                guard !o1, !o2 else { return .overflow }
                total = sum
                base = base.multipliedReportingOverflow(by: 60).overflow ? Int.max : base * 60
            }
        }
        return .value(Magnitude(negative: total < 0, value: UInt64(total.magnitude)))
    }

    // MARK: - float

    /// `construct_yaml_float`.
    static func float(_ text: String) -> Double? {
        if let simple = simpleDecimalFloat(text) { return simple }
        var bytes = Array(text.utf8).filter { $0 != UInt8(ascii: "_") }.map { asciiLowercased($0) }
        guard let first = bytes.first else { return nil }
        let negative = first == UInt8(ascii: "-")
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes.removeFirst() }
        if bytes.elementsEqual(".inf".utf8) { return negative ? -.infinity : .infinity }
        if bytes.elementsEqual(".nan".utf8) { return .nan }
        if bytes.contains(UInt8(ascii: ":")) {
            var total = 0.0
            var base = 1.0
            for part in bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).reversed() {
                guard let digit = pythonFloat(part) else { return nil }
                total += digit * base
                base *= 60
            }
            return negative ? -total : total
        }
        guard let value = pythonFloat(bytes[...]) else { return nil }
        return negative ? -value : value
    }

    /// The common implicit float `[-+]?digits.digits([eE][-+]digits)?` (no `_`, digits on both sides of the
    /// point), parsed directly; nil for anything else.
    private static func simpleDecimalFloat(_ text: String) -> Double? {
        let utf8 = text.utf8
        guard utf8.count < 40 else { return nil }
        var sawPoint = false
        var previousIsDigit = false
        var index = utf8.startIndex
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            index = utf8.index(after: index)
        }
        while index < utf8.endIndex {
            let c = utf8[index]
            if ImplicitResolver.isDigit(c) {
                previousIsDigit = true
            } else if c == UInt8(ascii: "."), !sawPoint, previousIsDigit {
                sawPoint = true
                previousIsDigit = false
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                guard sawPoint, previousIsDigit else { return nil }
                break
            } else {
                return nil
            }
            index = utf8.index(after: index)
        }
        guard sawPoint, previousIsDigit || index < utf8.endIndex else { return nil }
        return Double(text)
    }

    /// `float(s)` for lowercased ASCII text: whitespace, a sign, decimal digits with an optional point and
    /// exponent, or `inf`/`infinity`/`nan`.
    static func pythonFloat(_ s: ArraySlice<UInt8>) -> Double? {
        var s = trimmed(s)
        var negative = false
        if let first = s.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            s = s.dropFirst()
        }
        let magnitude: Double
        if s.elementsEqual("inf".utf8) || s.elementsEqual("infinity".utf8) {
            magnitude = .infinity
        } else if s.elementsEqual("nan".utf8) {
            magnitude = .nan
        } else {
            guard isDecimalFloat(s) else { return nil }
            var text = ""
            text.reserveCapacity(s.count + 2)
            if s.first == UInt8(ascii: ".") { text.append("0") }
            for i in s.indices {
                text.unicodeScalars.append(Unicode.Scalar(s[i]))
                if s[i] == UInt8(ascii: "."), i + 1 == s.endIndex || !ImplicitResolver.isDigit(s[i + 1]) {
                    // "1." and "1.e+3" are valid in Python; give Swift's parser a digit after the point.
                    text.append("0")
                }
            }
            guard let parsed = Double(text) else { return nil }
            magnitude = parsed
        }
        return negative ? -magnitude : magnitude
    }

    /// `digits [. digits*] [e [sign] digits]` or `. digits [e [sign] digits]`.
    private static func isDecimalFloat(_ s: ArraySlice<UInt8>) -> Bool {
        var i = s.startIndex
        var mantissaDigits = 0
        while i < s.endIndex, ImplicitResolver.isDigit(s[i]) { i += 1; mantissaDigits += 1 }
        if i < s.endIndex, s[i] == UInt8(ascii: ".") {
            i += 1
            while i < s.endIndex, ImplicitResolver.isDigit(s[i]) { i += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return false }
        if i < s.endIndex, s[i] == UInt8(ascii: "e") {
            i += 1
            if i < s.endIndex, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            let exponentStart = i
            while i < s.endIndex, ImplicitResolver.isDigit(s[i]) { i += 1 }
            guard i > exponentStart else { return false }
        }
        return i == s.endIndex
    }

    // MARK: - bool

    /// `construct_yaml_bool`: `bool_values[value.lower()]`.
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "true", "on": return true
        case "no", "false", "off": return false
        default: return nil
        }
    }

    // MARK: - Helpers

    private static func trimmed(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = s
        while let c = s.first, isWhitespace(c) { s = s.dropFirst() }
        while let c = s.last, isWhitespace(c) { s = s.dropLast() }
        return s
    }

    private static func isWhitespace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }

    private static func asciiLowercased(_ c: UInt8) -> UInt8 {
        c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c | 0x20 : c
    }

    private static func digitValue(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(c - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(c - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }
}
