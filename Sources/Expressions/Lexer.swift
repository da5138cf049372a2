/// Splits expression text into tokens (Python's tokenizer rules for one logical line; newlines inside the
/// text are treated as spaces, as inside brackets).
///
/// Invariant: the token list always ends with one `.end` token; errors carry the scalar offset.
struct Lexer {
    private let s: [Unicode.Scalar]
    private var i = 0
    private let base: Int
    private let jinja: Bool

    init(_ source: String, baseOffset: Int = 0, jinja: Bool = false) {
        s = Array(source.unicodeScalars)
        base = baseOffset
        self.jinja = jinja
    }

    private static let threeCharOps: Set<String> = ["**=", "//=", ">>=", "<<=", "..."]
    private static let twoCharOps: Set<String> = [
        "**", "//", "==", "!=", "<=", ">=", "<<", ">>", "->", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
        "^=", "@=",
    ]
    private static let oneCharOps: Set<Unicode.Scalar> = [
        "+", "-", "*", "/", "%", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", "=", "|", "&", "^",
        "~", "@", ";", "!",
    ]

    mutating func tokenize() throws -> [Token] {
        var tokens: [Token] = []
        while true {
            skipSpace()
            guard i < s.count else {
                tokens.append(Token(kind: .end, text: "", offset: base + i, length: 1))
                return tokens
            }
            // Jinja: `x.0` is an attribute/index, not `x` followed by the float `.0`.
            if jinja, s[i] == ".", let last = tokens.last,
               last.kind == .name || last.isOp(")") || last.isOp("]") {
                tokens.append(Token(kind: .op, text: ".", offset: base + i, length: 1))
                i += 1
                continue
            }
            tokens.append(try next())
        }
    }

    private mutating func skipSpace() {
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                i += 1
            } else if c == "\\", i + 1 < s.count, s[i + 1] == "\n" {
                i += 2
            } else if c == "#" && !jinja {
                while i < s.count && s[i] != "\n" { i += 1 }
            } else {
                return
            }
        }
    }

    private func error(_ message: String, at position: Int, length: Int = 1) -> ExpressionError {
        ExpressionError(.syntax, message, offset: base + position, length: length)
    }

    private static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isXIDStart
    }

    private static func isNameContinue(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isXIDContinue
    }

    private mutating func next() throws -> Token {
        let start = i
        let c = s[i]
        if Lexer.isNameStart(c) {
            while i < s.count && Lexer.isNameContinue(s[i]) { i += 1 }
            let word = String(String.UnicodeScalarView(s[start..<i]))
            if !jinja, i < s.count, s[i] == "'" || s[i] == "\"", let prefix = StringPrefix(word) {
                return try string(prefix: prefix, start: start)
            }
            return Token(kind: .name, text: word, offset: base + start, length: i - start)
        }
        if c == "'" || c == "\"" {
            return try string(prefix: StringPrefix(), start: start)
        }
        if c.isASCIIDigit || (c == "." && i + 1 < s.count && s[i + 1].isASCIIDigit) {
            return try number()
        }
        if i + 3 <= s.count {
            let three = String(String.UnicodeScalarView(s[i..<i + 3]))
            if Lexer.threeCharOps.contains(three) {
                i += 3
                return Token(kind: .op, text: three, offset: base + start, length: 3)
            }
        }
        if i + 2 <= s.count {
            let two = String(String.UnicodeScalarView(s[i..<i + 2]))
            if Lexer.twoCharOps.contains(two) {
                i += 2
                return Token(kind: .op, text: two, offset: base + start, length: 2)
            }
        }
        if Lexer.oneCharOps.contains(c) {
            i += 1
            return Token(kind: .op, text: String(c), offset: base + start, length: 1)
        }
        throw error("invalid character '\(c)'", at: start)
    }

    // MARK: numbers

    private mutating func digits(_ allowed: (Unicode.Scalar) -> Bool) throws -> String {
        var out = ""
        var lastUnderscore = false
        while i < s.count {
            let c = s[i]
            if c == "_" {
                if lastUnderscore || out.isEmpty { throw error("invalid decimal literal", at: i) }
                lastUnderscore = true
            } else if allowed(c) {
                out.unicodeScalars.append(c)
                lastUnderscore = false
            } else {
                break
            }
            i += 1
        }
        if lastUnderscore { throw error("invalid decimal literal", at: i - 1) }
        return out
    }

    private mutating func number() throws -> Token {
        let start = i
        if s[i] == "0", i + 1 < s.count, let radix = Lexer.radix(s[i + 1]) {
            i += 2
            if i < s.count && s[i] == "_" { i += 1 }
            let text = try digits { Int(String($0), radix: 16).map { $0 < radix } ?? false }
            guard !text.isEmpty else { throw error("invalid literal", at: start, length: i - start) }
            guard let value = Int(text, radix: radix) else {
                throw ExpressionError(.overflow, "integer literal too large (integers are limited to 64 bits)",
                                      offset: base + start, length: i - start)
            }
            try rejectNameAfterNumber()
            return Token(kind: .int, text: text, offset: base + start, length: i - start, intValue: value)
        }
        var text = try digits { $0.isASCIIDigit }
        var isFloat = false
        if i < s.count && s[i] == "." {
            isFloat = true
            i += 1
            text += "." + (try digits { $0.isASCIIDigit })
        }
        if i < s.count && (s[i] == "e" || s[i] == "E") {
            var j = i + 1
            if j < s.count && (s[j] == "+" || s[j] == "-") { j += 1 }
            if j < s.count && s[j].isASCIIDigit {
                isFloat = true
                text += "e"
                i += 1
                if s[i] == "+" || s[i] == "-" { text.unicodeScalars.append(s[i]); i += 1 }
                text += try digits { $0.isASCIIDigit }
            }
        }
        if i < s.count && (s[i] == "j" || s[i] == "J") {
            throw ExpressionError(.notSupported, "complex numbers are not supported", offset: base + start,
                                  length: i + 1 - start)
        }
        try rejectNameAfterNumber()
        if isFloat {
            guard let value = Double(text.hasPrefix(".") ? "0" + text : text) else {
                throw error("invalid float literal", at: start, length: i - start)
            }
            return Token(kind: .float, text: text, offset: base + start, length: i - start, doubleValue: value)
        }
        if text.count > 1 && text.hasPrefix("0") && text.contains(where: { $0 != "0" }) {
            throw error("leading zeros in decimal integer literals are not permitted", at: start, length: i - start)
        }
        guard let value = Int(text) else {
            throw ExpressionError(.overflow, "integer literal too large (integers are limited to 64 bits)",
                                  offset: base + start, length: i - start)
        }
        return Token(kind: .int, text: text, offset: base + start, length: i - start, intValue: value)
    }

    private func rejectNameAfterNumber() throws {
        if i < s.count && Lexer.isNameStart(s[i]) { throw error("invalid decimal literal", at: i) }
    }

    private static func radix(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "x", "X": return 16
        case "o", "O": return 8
        case "b", "B": return 2
        default: return nil
        }
    }

    // MARK: strings

    private mutating func string(prefix: StringPrefix, start: Int) throws -> Token {
        if prefix.bytes { throw ExpressionError(.notSupported, "bytes literals are not supported", offset: base + start) }
        let quote = s[i]
        let triple = i + 2 < s.count && s[i + 1] == quote && s[i + 2] == quote
        i += triple ? 3 : 1
        let bodyStart = i
        while true {
            guard i < s.count else { throw error("unterminated string literal", at: start, length: i - start) }
            let c = s[i]
            if c == "\\" {
                i += 2
                continue
            }
            if c == "\n" && !triple { throw error("unterminated string literal", at: start, length: i - start) }
            if c == quote {
                if !triple { break }
                if i + 2 < s.count && s[i + 1] == quote && s[i + 2] == quote { break }
            }
            i += 1
        }
        let body = Array(s[bodyStart..<i])
        i += triple ? 3 : 1
        if prefix.format {
            return Token(kind: .fstring, text: String(String.UnicodeScalarView(body)), offset: base + start,
                         length: i - start, doubleValue: prefix.raw ? 1 : 0, bodyOffset: base + bodyStart)
        }
        let text = prefix.raw ? String(String.UnicodeScalarView(body))
            : try StringEscapes.decode(body, offset: base + bodyStart)
        return Token(kind: .string, text: text, offset: base + start, length: i - start)
    }
}

/// The prefix letters of a string literal (`r`, `f`, `b`, `u`, combinations such as `rf`).
struct StringPrefix {
    var raw = false
    var format = false
    var bytes = false

    init() {}

    init?(_ word: String) {
        guard word.count <= 2 else { return nil }
        for c in word.lowercased() {
            switch c {
            case "r": if raw { return nil }; raw = true
            case "f": if format { return nil }; format = true
            case "b": if bytes { return nil }; bytes = true
            case "u": if word.count != 1 { return nil }
            default: return nil
            }
        }
        if format && bytes { return nil }
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { value >= 48 && value <= 57 }
}
