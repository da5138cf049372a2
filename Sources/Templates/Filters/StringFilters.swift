import Basics

/// Filters that work on the text of their input: case, trimming, truncation, replacement, word count,
/// indentation, centering, `%` formatting, HTML escaping. Each follows Jinja2 3.1's implementation.
enum StringFilters {
    static func apply(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        switch f.name {
        case "upper": _ = try f.bind([]); return .value(.string(PythonStrings.upper(try f.inputText())))
        case "lower": _ = try f.bind([]); return .value(.string(PythonStrings.lower(try f.inputText())))
        case "capitalize": _ = try f.bind([]); return .value(.string(PythonStrings.capitalize(try f.inputText())))
        case "title": _ = try f.bind([]); return .value(.string(title(try f.inputText())))
        case "trim":
            let args = try f.bind(["chars"])
            let chars = try f.plain(args[0])
            let set: String?
            switch chars {
            case nil, .null?: set = nil
            case .string(let s)?: set = s
            case let other?: throw f.fail(.type, "strip arg must be None or str, not \(other.pythonTypeName)")
            }
            return .value(.string(PythonStrings.strip(try f.inputText(), set)))
        case "truncate": return try truncate(f)
        case "replace":
            let args = try f.bind(["old", "new", "count"], required: 2)
            var count = -1
            if let c = try f.plain(args[2]), !c.isNull { count = try f.int(args[2], default: -1) }
            return .value(.string(PythonStrings.replace(try f.inputText(), try f.text(args[0], default: ""),
                                                        try f.text(args[1], default: ""), count: count)))
        case "wordcount":
            _ = try f.bind([])
            var count = 0
            var inWord = false
            for c in try f.inputText().unicodeScalars {
                let isWord = PythonStrings.isWordCharacter(c)
                if isWord && !inWord { count += 1 }
                inWord = isWord
            }
            return .value(.int(count))
        case "indent": return try indent(f)
        case "center":
            let args = try f.bind(["width"])
            return .value(.string(PythonStrings.center(try f.inputText(), width: try f.int(args[0], default: 80))))
        case "format":
            if !f.positional.isEmpty && !f.keyword.isEmpty {
                throw f.fail(.argument, "can't handle positional and keyword arguments at the same time")
            }
            let arguments: Value
            if !f.keyword.isEmpty {
                var object = ValueObject()
                for (k, v) in f.keyword { object[k] = try f.renderer.toValue(v, at: f.at) }
                arguments = .object(object)
            } else {
                var items: [Value] = []
                for v in f.positional { items.append(try f.renderer.toValue(v, at: f.at)) }
                arguments = .tuple(items)
            }
            let text = try f.inputText()
            do throws(PythonError) {
                return .value(try PythonArithmetic.apply(.modulo, .string(text), arguments))
            } catch { throw f.fail(error) }
        case "wordwrap":
            // wordwrap(width=79, break_long_words=True, wrapstring=None, break_on_hyphens=True): each line
            // of the input wrapped on its own, joined with the wrap string.
            let args = try f.bind(["width", "break_long_words", "wrapstring", "break_on_hyphens"])
            let width = try f.int(args[0], default: 79)
            if width <= 0 { throw f.fail(.value, "invalid width \(width) (must be > 0)") }
            let wrapString = try f.plain(args[2]).flatMap { $0.isNull ? nil : $0.pythonStr } ?? "\n"
            let breakLong = try f.bool(args[1], default: true), breakHyphens = try f.bool(args[3], default: true)
            let paragraphs = PythonStrings.splitLines(try f.inputText()).map {
                PythonTextWrap.wrap($0, width: width, breakLongWords: breakLong, breakOnHyphens: breakHyphens)
                    .joined(separator: wrapString)
            }
            return .value(.string(paragraphs.joined(separator: wrapString)))
        case "striptags":
            _ = try f.bind([])
            return .value(.string(stripTags(try f.inputText())))
        default:
            throw f.fail(.argument, "No filter named '\(f.name)'.")
        }
    }

    /// Jinja2's `title`: split on runs of `-`, whitespace, `(`, `{`, `[`, `<` (kept); each piece gets its
    /// first character upper-cased and the rest lower-cased.
    static func title(_ s: String) -> String {
        func isSeparator(_ c: Unicode.Scalar) -> Bool {
            c == "-" || c == "(" || c == "{" || c == "[" || c == "<" || PythonWhitespace.contains(c)
        }
        var out = ""
        var piece: [Unicode.Scalar] = []
        var pieceIsSeparator = false
        func flush() {
            guard let first = piece.first else { return }
            out += PythonStrings.upper(String(Character(first)))
            out += PythonStrings.lower(PythonStrings.string(piece.dropFirst()))
            piece.removeAll(keepingCapacity: true)
        }
        for c in s.unicodeScalars {
            let separator = isSeparator(c)
            if !piece.isEmpty && separator != pieceIsSeparator { flush() }
            pieceIsSeparator = separator
            piece.append(c)
        }
        flush()
        return out
    }

    /// `truncate(length=255, killwords=False, end='...', leeway=None)` with leeway defaulting to 5.
    private static func truncate(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        let args = try f.bind(["length", "killwords", "end", "leeway"])
        let length = try f.int(args[0], default: 255)
        let killwords = try f.bool(args[1], default: false)
        let end = try f.text(args[2], default: "...")
        var leeway = 5
        if let l = try f.plain(args[3]), !l.isNull { leeway = try f.int(args[3], default: 5) }
        let endLength = end.unicodeScalars.count
        if length < endLength { throw f.fail(.value, "expected length >= \(endLength), got \(length)") }
        if leeway < 0 { throw f.fail(.value, "expected leeway >= 0, got \(leeway)") }
        // Jinja2 measures and slices the value itself (no str()): sequences short enough pass through
        // unchanged, other values fail on len() or on the string operations.
        guard case .value(.string(let s)) = f.value else {
            let count = try f.renderer.length(f.value, at: f.at)
            if count <= length + leeway { return f.value }
            throw f.fail(.type, "only strings can be truncated")
        }
        let scalars = Array(s.unicodeScalars)
        if scalars.count <= length + leeway { return .value(.string(s)) }
        let head = Array(scalars.prefix(length - endLength))
        if killwords { return .value(.string(PythonStrings.string(head) + end)) }
        var cut = head
        if let space = head.lastIndex(of: " ") { cut = Array(head[..<space]) }
        return .value(.string(PythonStrings.string(cut) + end))
    }

    /// `indent(width=4, first=False, blank=False)`; `width` may be a string used as the indentation.
    private static func indent(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        let args = try f.bind(["width", "first", "blank"])
        guard case .string(var s) = try f.input() else {
            let v = try f.input()
            throw f.fail(.type, "unsupported operand type(s) for +=: '\(v.pythonTypeName)' and 'str'")
        }
        let indention: String
        if let w = try f.plain(args[0]), case .string(let text) = w {
            indention = text
        } else {
            indention = String(repeating: " ", count: max(0, try f.int(args[0], default: 4)))
        }
        s += "\n"
        var lines = PythonStrings.splitLines(s)
        var result: String
        if try f.bool(args[2], default: false) {
            result = lines.joined(separator: "\n" + indention)
        } else {
            result = lines.isEmpty ? "" : lines.removeFirst()
            if !lines.isEmpty {
                result += "\n" + lines.map { $0.isEmpty ? $0 : indention + $0 }.joined(separator: "\n")
            }
        }
        if try f.bool(args[1], default: false) { result = indention + result }
        return .value(.string(result))
    }

    /// `escape`: `&`, `<`, `>`, `"`, `'` as markupsafe writes them.
    static func escape(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        _ = try f.bind([])
        var out = ""
        for c in try f.inputText().unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return .value(.string(out))
    }

    /// markupsafe's `striptags`: drop comments and tags, collapse whitespace, unescape entities.
    private static func stripTags(_ s: String) -> String {
        var out = ""
        var inTag = false
        for c in s.unicodeScalars {
            if c == "<" { inTag = true; continue }
            if c == ">" && inTag { inTag = false; continue }
            if !inTag { out.unicodeScalars.append(c) }
        }
        let words = try? PythonStrings.split(out, nil)
        var text = (words ?? []).joined(separator: " ")
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&#34;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = PythonStrings.replace(text, entity, character)
        }
        return text
    }
}
