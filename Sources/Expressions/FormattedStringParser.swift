/// Splits the body of an f-string into literal text and replacement fields (`{expr!conv:spec}`, `{{`, `}}`,
/// the `{expr=}` self-documenting form), parsing each field's expression with the enclosing dialect.
///
/// Invariant: offsets of parsed field expressions are absolute positions in the whole expression source.
enum FormattedStringParser {
    static func parse(_ body: String, bodyOffset: Int, raw: Bool, dialect: ExpressionDialect) throws -> [FormattedPart] {
        let s = Array(body.unicodeScalars)
        var i = 0
        return try parseParts(s, &i, bodyOffset: bodyOffset, raw: raw, dialect: dialect, inSpec: false)
    }

    private static func parseParts(_ s: [Unicode.Scalar], _ i: inout Int, bodyOffset: Int, raw: Bool,
                                   dialect: ExpressionDialect, inSpec: Bool) throws -> [FormattedPart] {
        var parts: [FormattedPart] = []
        var literal: [Unicode.Scalar] = []
        var literalStart = i
        func flush() throws {
            if literal.isEmpty { return }
            let text = raw || inSpec ? String(String.UnicodeScalarView(literal))
                : try StringEscapes.decode(literal, offset: bodyOffset + literalStart)
            parts.append(.text(text))
            literal = []
        }
        while i < s.count {
            let c = s[i]
            if c == "{" {
                if !inSpec, i + 1 < s.count, s[i + 1] == "{" {
                    literal.append("{")
                    i += 2
                    continue
                }
                try flush()
                parts += try parseField(s, &i, bodyOffset: bodyOffset, raw: raw, dialect: dialect)
                literalStart = i
            } else if c == "}" {
                if inSpec { break }
                if i + 1 < s.count, s[i + 1] == "}" {
                    literal.append("}")
                    i += 2
                    continue
                }
                throw ExpressionError(.syntax, "f-string: single '}' is not allowed", offset: bodyOffset + i)
            } else {
                if literal.isEmpty { literalStart = i }
                literal.append(c)
                i += 1
            }
        }
        try flush()
        return parts
    }

    /// Parses `{...}` starting at `s[i] == "{"`; leaves `i` after the closing brace.
    private static func parseField(_ s: [Unicode.Scalar], _ i: inout Int, bodyOffset: Int, raw: Bool,
                                   dialect: ExpressionDialect) throws -> [FormattedPart] {
        let open = i
        i += 1
        let exprStart = i
        var depth = 0
        var quote: Unicode.Scalar?
        while i < s.count {
            let c = s[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" || c == "[" || c == "{" {
                depth += 1
            } else if c == ")" || c == "]" || (c == "}" && depth > 0) {
                depth -= 1
            } else if depth == 0 {
                if c == "}" || c == ":" { break }
                if c == "!" && !(i + 1 < s.count && s[i + 1] == "=") { break }
            }
            i += 1
        }
        guard i < s.count else {
            throw ExpressionError(.syntax, "f-string: expecting '}'", offset: bodyOffset + open)
        }
        var exprEnd = i
        var selfDocument: String?
        // `{expr=}`: a trailing '=' (not part of ==, !=, <=, >=).
        var k = exprEnd - 1
        while k >= exprStart && s[k] == " " { k -= 1 }
        if k >= exprStart, s[k] == "=", k == exprStart || !["=", "!", "<", ">"].contains(s[k - 1]) {
            selfDocument = String(String.UnicodeScalarView(s[exprStart..<exprEnd]))
            exprEnd = k
        }
        let exprText = String(String.UnicodeScalarView(s[exprStart..<exprEnd]))
        if exprText.trimmingSpaces().isEmpty {
            throw ExpressionError(.syntax, "f-string: empty expression not allowed", offset: bodyOffset + open)
        }
        let node = try ExpressionParser.parse(exprText, baseOffset: bodyOffset + exprStart, dialect: dialect)
        var conversion: Character?
        if s[i] == "!" {
            guard i + 1 < s.count, ["r", "s", "a"].contains(s[i + 1]) else {
                throw ExpressionError(.syntax, "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                                      offset: bodyOffset + i)
            }
            conversion = Character(s[i + 1])
            i += 2
        }
        var spec: [FormattedPart] = []
        if i < s.count, s[i] == ":" {
            i += 1
            spec = try parseParts(s, &i, bodyOffset: bodyOffset, raw: raw, dialect: dialect, inSpec: true)
        }
        guard i < s.count, s[i] == "}" else {
            throw ExpressionError(.syntax, "f-string: expecting '}'", offset: bodyOffset + open)
        }
        i += 1
        var parts: [FormattedPart] = []
        if let selfDocument {
            parts.append(.text(selfDocument))
            if conversion == nil && spec.isEmpty { conversion = "r" }
        }
        parts.append(.field(node, conversion: conversion, spec: spec))
        return parts
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let f = scalars.first, f == " " || f == "\t" || f == "\n" { scalars = scalars.dropFirst() }
        while let l = scalars.last, l == " " || l == "\t" || l == "\n" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
