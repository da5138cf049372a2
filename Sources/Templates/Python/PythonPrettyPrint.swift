import Basics

/// Python's `pprint.pformat(value)` (width 80, indent 1, `sort_dicts=True`, not compact), which Jinja2's
/// `pprint` filter returns.
///
/// Invariant: a value whose sorted-keys repr fits in the remaining width prints as that repr; otherwise
/// dicts, lists and tuples put one item per line and long strings are split into adjacent literals, as
/// CPython 3.11's `PrettyPrinter._format` and its `_pprint_*` helpers do. Lengths count Unicode scalars.
enum PythonPrettyPrint {
    static let width = 80

    static func format(_ value: Value) -> String {
        var out = ""
        write(value, into: &out, indent: 0, allowance: 0, level: 0)
        return out
    }

    /// `_safe_repr`: repr with dict keys sorted at every level.
    static func repr(_ value: Value) -> String {
        switch value {
        case .object(let o):
            if o.isEmpty { return "{}" }
            return "{" + sortedItems(o).map { repr(.string($0.0)) + ": " + repr($0.1) }.joined(separator: ", ") + "}"
        case .array(let items): return "[" + items.map(repr).joined(separator: ", ") + "]"
        case .tuple(let items):
            if items.count == 1 { return "(" + repr(items[0]) + ",)" }
            return "(" + items.map(repr).joined(separator: ", ") + ")"
        default: return value.pythonRepr
        }
    }

    private static func sortedItems(_ o: ValueObject) -> [(String, Value)] {
        o.map { ($0.key, $0.value) }.sorted { $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars) }
    }

    private static func length(_ s: String) -> Int { s.unicodeScalars.count }

    private static func write(_ value: Value, into out: inout String, indent: Int, allowance: Int, level: Int) {
        let rep = repr(value)
        guard length(rep) > width - indent - allowance else {
            out += rep
            return
        }
        switch value {
        case .object(let o) where !o.isEmpty:
            out += "{"
            let items = sortedItems(o)
            let inner = indent + 1
            for (i, (key, entry)) in items.enumerated() {
                let last = i == items.count - 1
                let keyRep = repr(.string(key))
                out += keyRep + ": "
                write(entry, into: &out, indent: inner + length(keyRep) + 2, allowance: last ? allowance + 1 : 1,
                      level: level + 1)
                if !last { out += ",\n" + String(repeating: " ", count: inner) }
            }
            out += "}"
        case .array(let items) where !items.isEmpty:
            out += "["
            writeItems(items, into: &out, indent: indent, allowance: allowance + 1, level: level + 1)
            out += "]"
        case .tuple(let items) where !items.isEmpty:
            out += "("
            let end = items.count == 1 ? ",)" : ")"
            writeItems(items, into: &out, indent: indent, allowance: allowance + end.count, level: level + 1)
            out += end
        case .string(let s) where !s.isEmpty:
            writeString(s, into: &out, indent: indent, allowance: allowance, level: level + 1)
        default:
            out += rep
        }
    }

    private static func writeItems(_ items: [Value], into out: inout String, indent: Int, allowance: Int, level: Int) {
        let inner = indent + 1
        for (i, item) in items.enumerated() {
            let last = i == items.count - 1
            if i > 0 { out += ",\n" + String(repeating: " ", count: inner) }
            write(item, into: &out, indent: inner, allowance: last ? allowance : 1, level: level)
        }
    }

    /// `_pprint_str`: lines (ends kept) that are too long are cut after whitespace runs.
    private static func writeString(_ s: String, into out: inout String, indent: Int, allowance: Int, level: Int) {
        var indent = indent, allowance = allowance
        if level == 1 {
            indent += 1
            allowance += 1
        }
        let lines = splitLinesKeepingEnds(s)
        var chunks: [String] = []
        let maxWidth = width - indent
        var maxWidth1 = maxWidth
        var lastRep = ""
        for (i, line) in lines.enumerated() {
            let rep = Value.string(line).pythonRepr
            lastRep = rep
            if i == lines.count - 1 { maxWidth1 -= allowance }
            if length(rep) <= maxWidth1 {
                chunks.append(rep)
                continue
            }
            let parts = wordParts(line)
            var maxWidth2 = maxWidth
            var current = ""
            for (j, part) in parts.enumerated() {
                let candidate = current + part
                if j == parts.count - 1 && i == lines.count - 1 { maxWidth2 -= allowance }
                if length(Value.string(candidate).pythonRepr) > maxWidth2 {
                    if !current.isEmpty { chunks.append(Value.string(current).pythonRepr) }
                    current = part
                } else {
                    current = candidate
                }
            }
            if !current.isEmpty { chunks.append(Value.string(current).pythonRepr) }
        }
        if chunks.count == 1 {
            out += lastRep
            return
        }
        if level == 1 { out += "(" }
        for (i, chunk) in chunks.enumerated() {
            if i > 0 { out += "\n" + String(repeating: " ", count: indent) }
            out += chunk
        }
        if level == 1 { out += ")" }
    }

    /// `str.splitlines(True)`.
    private static func splitLinesKeepingEnds(_ s: String) -> [String] {
        let h = Array(s.unicodeScalars)
        var lines: [String] = []
        var start = 0
        var i = 0
        while i < h.count {
            switch h[i].value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029:
                if h[i] == "\r", i + 1 < h.count, h[i + 1] == "\n" { i += 1 }
                lines.append(PythonStrings.string(h[start...i]))
                start = i + 1
            default: break
            }
            i += 1
        }
        if start < h.count { lines.append(PythonStrings.string(h[start...])) }
        return lines
    }

    /// `re.findall(r'\S*\s*', line)` without the final empty match.
    private static func wordParts(_ line: String) -> [String] {
        let h = Array(line.unicodeScalars)
        var parts: [String] = []
        var i = 0
        while i < h.count {
            let start = i
            while i < h.count, !PythonWhitespace.contains(h[i]) { i += 1 }
            while i < h.count, PythonWhitespace.contains(h[i]) { i += 1 }
            parts.append(PythonStrings.string(h[start..<i]))
        }
        return parts
    }
}
