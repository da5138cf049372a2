/// PyYAML's implicit resolver (`resolver.py`, YAML 1.1 rules) for plain scalars, as hand-written matchers
/// over UTF-8 bytes.
///
/// Invariant: `kind(of:)` returns exactly the tag PyYAML's `Resolver.resolve` picks for a plain scalar:
/// resolvers are tried in PyYAML's registration order for the scalar's first character, and each matcher
/// accepts exactly the language of the corresponding regular expression (anchored with `^…$`; plain
/// scalars never end in a newline, so Python's `$`-before-newline quirk cannot apply).
enum ImplicitResolver {
    /// The tag an untagged plain scalar resolves to.
    enum Kind: Equatable {
        case null, bool, int, float, timestamp, merge, value, string
    }

    static func kind(of text: String) -> Kind {
        var text = text
        return text.withUTF8 { kind(of: $0) }
    }

    static func kind(of b: UnsafeBufferPointer<UInt8>) -> Kind {
        guard let first = b.first else { return .null }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            return isBool(b) ? .bool : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if isBool(b) { return .bool }
            return isNull(b) ? .null : .string
        case UInt8(ascii: "~"):
            return b.count == 1 ? .null : .string
        case UInt8(ascii: "-"), UInt8(ascii: "+"):
            if isFloat(b) { return .float }
            return isInt(b) ? .int : .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            if isFloat(b) { return .float }
            if isInt(b) { return .int }
            return isTimestamp(b) ? .timestamp : .string
        case UInt8(ascii: "."):
            return isFloat(b) ? .float : .string
        case UInt8(ascii: "<"):
            return b.count == 2 && b[1] == UInt8(ascii: "<") ? .merge : .string
        case UInt8(ascii: "="):
            return b.count == 1 ? .value : .string
        default:
            return .string
        }
    }

    // MARK: - Individual regular expressions

    private static let boolWords: [[UInt8]] = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ].map { Array($0.utf8) }

    private static let nullWords: [[UInt8]] = ["~", "null", "Null", "NULL"].map { Array($0.utf8) }

    /// `yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF`
    static func isBool(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 2, b.count <= 5 else { return false }
        return boolWords.contains { $0.elementsEqual(b) }
    }

    /// `~|null|Null|NULL|` (empty)
    static func isNull(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.isEmpty || (b.count <= 4 && nullWords.contains { $0.elementsEqual(b) })
    }

    /// ```
    /// [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
    /// |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
    /// |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
    /// |[-+]?\.(?:inf|Inf|INF)
    /// |\.(?:nan|NaN|NAN)
    /// ```
    static func isFloat(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard n > 0 else { return false }
        if b[0] == dot {
            if isWord(b, from: 1, ["inf", "Inf", "INF", "nan", "NaN", "NAN"]) { return true }
            guard n > 1, isDigit(b[1]) else { return false }
            let i = skipDigitsAndUnderscores(b, from: 2)
            return skipExponent(b, from: i) == n
        }
        var i = isSign(b[0]) ? 1 : 0
        guard i < n else { return false }
        if b[i] == dot { return isWord(b, from: i + 1, ["inf", "Inf", "INF"]) }
        guard isDigit(b[i]) else { return false }
        i = skipDigitsAndUnderscores(b, from: i + 1)
        guard i < n else { return false }
        if b[i] == dot {
            i = skipDigitsAndUnderscores(b, from: i + 1)
            return skipExponent(b, from: i) == n
        }
        guard b[i] == colon else { return false }
        i = skipSexagesimalGroups(b, from: i)
        guard i >= 0, i < n, b[i] == dot else { return false }
        return skipDigitsAndUnderscores(b, from: i + 1) == n
    }

    /// ```
    /// [-+]?0b[0-1_]+
    /// |[-+]?0[0-7_]+
    /// |[-+]?(?:0|[1-9][0-9_]*)
    /// |[-+]?0x[0-9a-fA-F_]+
    /// |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
    /// ```
    static func isInt(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard n > 0 else { return false }
        var i = isSign(b[0]) ? 1 : 0
        guard i < n, isDigit(b[i]) else { return false }
        if b[i] == UInt8(ascii: "0") {
            i += 1
            if i == n { return true }
            if b[i] == UInt8(ascii: "b") {
                return i + 1 < n && b[(i + 1)...].allSatisfy { $0 == zero || $0 == one || $0 == underscore }
            }
            if b[i] == UInt8(ascii: "x") {
                return i + 1 < n && b[(i + 1)...].allSatisfy { isHexDigit($0) || $0 == underscore }
            }
            return b[i...].allSatisfy { ($0 >= zero && $0 <= UInt8(ascii: "7")) || $0 == underscore }
        }
        i = skipDigitsAndUnderscores(b, from: i + 1)
        if i == n { return true }
        guard b[i] == colon else { return false }
        return skipSexagesimalGroups(b, from: i) == n
    }

    /// ```
    /// [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
    /// |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]
    ///  (?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?
    /// ```
    static func isTimestamp(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard n >= 8, (0..<4).allSatisfy({ isDigit(b[$0]) }), b[4] == minus else { return false }
        if n == 10, isDigit(b[5]), isDigit(b[6]), b[7] == minus, isDigit(b[8]), isDigit(b[9]) { return true }
        var i = 5
        guard let afterMonth = skipOneOrTwoDigits(b, from: i), afterMonth < n, b[afterMonth] == minus,
              let afterDay = skipOneOrTwoDigits(b, from: afterMonth + 1), afterDay < n
        else { return false }
        i = afterDay
        if b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") {
            i += 1
        } else {
            guard isBlank(b[i]) else { return false }
            while i < n, isBlank(b[i]) { i += 1 }
        }
        guard let afterHour = skipOneOrTwoDigits(b, from: i) else { return false }
        i = afterHour
        for _ in 0..<2 {
            guard i + 2 < n, b[i] == colon, isDigit(b[i + 1]), isDigit(b[i + 2]) else { return false }
            i += 3
        }
        if i < n, b[i] == dot {
            i += 1
            while i < n, isDigit(b[i]) { i += 1 }
        }
        if i == n { return true }
        while i < n, isBlank(b[i]) { i += 1 }
        guard i < n else { return false }
        if b[i] == UInt8(ascii: "Z") { return i + 1 == n }
        guard isSign(b[i]), let afterZoneHour = skipOneOrTwoDigits(b, from: i + 1) else { return false }
        i = afterZoneHour
        if i == n { return true }
        return i + 3 == n && b[i] == colon && isDigit(b[i + 1]) && isDigit(b[i + 2])
    }

    // MARK: - Pieces

    private static let dot = UInt8(ascii: "."), colon = UInt8(ascii: ":"), minus = UInt8(ascii: "-")
    private static let zero = UInt8(ascii: "0"), one = UInt8(ascii: "1"), underscore = UInt8(ascii: "_")

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= zero && c <= UInt8(ascii: "9") }
    @inline(__always) private static func isSign(_ c: UInt8) -> Bool { c == minus || c == UInt8(ascii: "+") }
    @inline(__always) private static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
    @inline(__always) private static func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"))
    }

    /// True when the bytes from `start` to the end are exactly one of `words`.
    private static func isWord(_ b: UnsafeBufferPointer<UInt8>, from start: Int, _ words: [String]) -> Bool {
        guard start <= b.count else { return false }
        let rest = b[start...]
        return words.contains { $0.utf8.elementsEqual(rest) }
    }

    private static func skipDigitsAndUnderscores(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < b.count, isDigit(b[i]) || b[i] == underscore { i += 1 }
        return i
    }

    /// `(?:[eE][-+][0-9]+)?`: the index after the exponent, or `start` when there is none.
    private static func skipExponent(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = b.count
        guard start + 2 < n, b[start] == UInt8(ascii: "e") || b[start] == UInt8(ascii: "E"),
              isSign(b[start + 1]), isDigit(b[start + 2])
        else { return start }
        var i = start + 3
        while i < n, isDigit(b[i]) { i += 1 }
        return i
    }

    /// `(?::[0-5]?[0-9])+` starting at a `:`; the index after the last group, or -1 when no group matches.
    private static func skipSexagesimalGroups(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = b.count
        var i = start
        var groups = 0
        while i < n, b[i] == colon {
            guard i + 1 < n, isDigit(b[i + 1]) else { return -1 }
            let first = b[i + 1]
            i += 2
            if i < n, isDigit(b[i]) {
                guard first <= UInt8(ascii: "5") else { return -1 }
                i += 1
            }
            groups += 1
        }
        return groups > 0 ? i : -1
    }

    /// `[0-9][0-9]?`: the index after one or two digits, or nil.
    private static func skipOneOrTwoDigits(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < b.count, isDigit(b[start]) else { return nil }
        return start + 1 < b.count && isDigit(b[start + 1]) ? start + 2 : start + 1
    }
}
