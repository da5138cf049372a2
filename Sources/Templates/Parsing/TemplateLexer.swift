/// Splits template source into tokens the way Jinja2 3.1's lexer does with the default delimiters,
/// `trim_blocks`/`lstrip_blocks` off and no line statements.
///
/// Invariants: data tokens are emitted already whitespace-stripped for `-` markers (`{%-`, `-%}`, `{{-`,
/// `-}}`, `{#-`, `-#}`); `+` markers are accepted and change nothing (they only undo `trim_blocks` and
/// `lstrip_blocks`); comments produce no tokens; `{% raw %}` bodies become one data token; a tag's end
/// delimiter is only recognised while its brackets are balanced (so `{{ {'a': {'b': 1}} }}` lexes).
struct TemplateLexer {
    let source: SourceText
    private let s: [Unicode.Scalar]
    private var pos = 0
    private var tokens: [Token] = []

    init(_ source: SourceText) {
        self.source = source
        self.s = source.scalars
    }

    static func tokenize(_ source: SourceText) throws(TemplateError) -> [Token] {
        var lexer = TemplateLexer(source)
        try lexer.run()
        return lexer.tokens
    }

    private func error(_ message: String, at offset: Int) -> TemplateError {
        syntaxError(message, at: offset)
    }

    func syntaxError(_ message: String, at offset: Int) -> TemplateError {
        TemplateError(.syntax, message, at: source.location(offset))
    }

    var currentOffset: Int { pos }

    /// Appends a token that started at `offset` and moves past it to `end`.
    mutating func append(_ kind: Token.Kind, at offset: Int, end: Int) {
        tokens.append(Token(kind: kind, offset: offset))
        pos = end
    }

    private func at(_ i: Int) -> Unicode.Scalar? { i < s.count ? s[i] : nil }

    private mutating func run() throws(TemplateError) {
        while pos < s.count {
            guard let start = nextTagStart(from: pos) else {
                emitData(from: pos, to: s.count, strip: false)
                pos = s.count
                break
            }
            let opener = s[start + 1]
            var sign: Unicode.Scalar? = nil
            if let c = at(start + 2), c == "-" || c == "+" { sign = c }
            if opener == "%", let rawEnd = matchRawBegin(at: start) {
                emitData(from: pos, to: start, strip: sign == "-")
                pos = rawEnd
                try lexRawBody()
                continue
            }
            emitData(from: pos, to: start, strip: sign == "-")
            pos = start + 2 + (sign == nil ? 0 : 1)
            switch opener {
            case "#": try skipComment(openedAt: start)
            case "{":
                tokens.append(Token(kind: .variableBegin, offset: start))
                try lexTag(closer: "}", openedAt: start)
            default:
                tokens.append(Token(kind: .blockBegin, offset: start))
                try lexTag(closer: "%", openedAt: start)
            }
        }
        tokens.append(Token(kind: .end, offset: s.count))
    }

    /// The earliest `{{`, `{%` or `{#` at or after `from`.
    private func nextTagStart(from: Int) -> Int? {
        var i = from
        while i + 1 < s.count {
            if s[i] == "{" {
                let c = s[i + 1]
                if c == "{" || c == "%" || c == "#" { return i }
            }
            i += 1
        }
        return nil
    }

    private mutating func emitData(from: Int, to: Int, strip: Bool) {
        var end = to
        if strip {
            while end > from, PythonWhitespace.contains(s[end - 1]) { end -= 1 }
        }
        guard end > from else { return }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: s[from..<end])
        tokens.append(Token(kind: .data(String(text)), offset: from))
    }

    private func skipSpaces(_ i: Int) -> Int {
        var j = i
        while j < s.count, PythonWhitespace.contains(s[j]) { j += 1 }
        return j
    }

    private func matches(_ word: String, at i: Int) -> Bool {
        var j = i
        for scalar in word.unicodeScalars {
            guard j < s.count, s[j] == scalar else { return false }
            j += 1
        }
        return true
    }

    /// If `{%[-+]? raw [-]?%}` starts at `start`, the offset just after it (and after the whitespace a
    /// `-%}` strips).
    private func matchRawBegin(at start: Int) -> Int? {
        var i = start + 2
        if let c = at(i), c == "-" || c == "+" { i += 1 }
        i = skipSpaces(i)
        guard matches("raw", at: i) else { return nil }
        i = skipSpaces(i + 3)
        if matches("-%}", at: i) { return skipSpaces(i + 3) }
        if matches("%}", at: i) { return i + 2 }
        return nil
    }

    private mutating func lexRawBody() throws(TemplateError) {
        let bodyStart = pos
        var i = pos
        while i + 1 < s.count {
            if s[i] == "{" && s[i + 1] == "%" {
                var j = i + 2
                var sign: Unicode.Scalar? = nil
                if let c = at(j), c == "-" || c == "+" { sign = c; j += 1 }
                j = skipSpaces(j)
                if matches("endraw", at: j) {
                    j = skipSpaces(j + 6)
                    var end: Int? = nil
                    if matches("+%}", at: j) { end = j + 3 }
                    else if matches("-%}", at: j) { end = skipSpaces(j + 3) }
                    else if matches("%}", at: j) { end = j + 2 }
                    if let end {
                        emitData(from: bodyStart, to: i, strip: sign == "-")
                        pos = end
                        return
                    }
                }
            }
            i += 1
        }
        throw error("Missing end of raw directive", at: bodyStart)
    }

    private mutating func skipComment(openedAt start: Int) throws(TemplateError) {
        var i = pos
        while i < s.count {
            if matches("+#}", at: i) { pos = i + 3; return }
            if matches("-#}", at: i) { pos = skipSpaces(i + 3); return }
            if matches("#}", at: i) { pos = i + 2; return }
            i += 1
        }
        throw error("Missing end of comment tag", at: start)
    }

    /// Tokens of a `{{ … }}` (closer `}`) or `{% … %}` (closer `%`) tag, up to and including its end.
    private mutating func lexTag(closer: Unicode.Scalar, openedAt start: Int) throws(TemplateError) {
        var balancing: [Unicode.Scalar] = []
        let endKind: Token.Kind = closer == "}" ? .variableEnd : .blockEnd
        while true {
            guard pos < s.count else { throw error("unexpected end of template", at: start) }
            if balancing.isEmpty, let end = matchTagEnd(closer: closer, at: pos) {
                tokens.append(Token(kind: endKind, offset: pos))
                pos = end
                return
            }
            let c = s[pos]
            if PythonWhitespace.contains(c) { pos += 1; continue }
            if c.properties.numericType == .decimal, c.isASCII {
                try lexNumber()
                continue
            }
            if Self.isNameScalar(c) {
                let begin = pos
                while pos < s.count, Self.isNameScalar(s[pos]) { pos += 1 }
                var text = String.UnicodeScalarView()
                text.append(contentsOf: s[begin..<pos])
                tokens.append(Token(kind: .name(String(text)), offset: begin))
                continue
            }
            if c == "'" || c == "\"" {
                try lexString()
                continue
            }
            let begin = pos
            guard let op = matchOperator(at: pos) else {
                throw error("unexpected char '\(Character(c))' at \(pos)", at: pos)
            }
            switch op {
            case "{": balancing.append("}")
            case "(": balancing.append(")")
            case "[": balancing.append("]")
            case "}", ")", "]":
                guard let expected = balancing.popLast() else { throw error("unexpected '\(op)'", at: begin) }
                if String(expected) != op { throw error("unexpected '\(op)', expected '\(expected)'", at: begin) }
            default: break
            }
            tokens.append(Token(kind: .op(op), offset: begin))
            pos += op.unicodeScalars.count
        }
    }

    private func matchTagEnd(closer: Unicode.Scalar, at i: Int) -> Int? {
        let close = closer == "}" ? "}}" : "%}"
        if closer == "%", matches("+" + close, at: i) { return i + 3 }
        if matches("-" + close, at: i) { return skipSpaces(i + 3) }
        if matches(close, at: i) { return i + 2 }
        return nil
    }

    private static let operators: [String] = [
        "**", "//", "==", "!=", ">=", "<=",
        "+", "-", "/", "*", "%", "~", "[", "]", "(", ")", "{", "}", ">", "<", "=", ".", ":", "|", ",", ";",
    ]

    private func matchOperator(at i: Int) -> String? {
        for op in Self.operators where matches(op, at: i) { return op }
        return nil
    }

    static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_"
        }
        let p = c.properties
        return p.isAlphabetic || p.numericType == .decimal || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark || p.generalCategory == .connectorPunctuation
    }
}
