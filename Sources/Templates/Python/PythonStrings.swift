import Expressions

/// Python `str` operations on Swift strings, counted in Unicode scalars (Python's code points).
///
/// Invariant: results equal CPython's for the inputs templates produce; case mapping is
/// `Expressions.PythonCase` (CPython's per-code-point rules, final sigma included).
enum PythonStrings {
    typealias Scalars = [Unicode.Scalar]

    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The scalar offset of the first occurrence of `needle` in `haystack`, or nil.
    static func find(_ needle: String, in haystack: String, from start: Int = 0) -> Int? {
        let n = Array(needle.unicodeScalars), h = Array(haystack.unicodeScalars)
        return find(n, in: h, from: start)
    }

    static func find(_ n: Scalars, in h: Scalars, from start: Int = 0) -> Int? {
        if n.isEmpty { return start <= h.count ? start : nil }
        guard h.count >= n.count, start <= h.count - n.count else { return nil }
        var i = start
        while i <= h.count - n.count {
            if h[i] == n[0] {
                var k = 1
                while k < n.count && h[i + k] == n[k] { k += 1 }
                if k == n.count { return i }
            }
            i += 1
        }
        return nil
    }

    static func upper(_ s: String) -> String { PythonCase.upper(s) }
    /// `str.lower()`, final sigma included (`'ΑΣ'` → `'ας'`), as `Expressions.PythonCase` does it.
    static func lower(_ s: String) -> String { PythonCase.lower(s) }

    /// `str.capitalize()`: first character title-cased, the rest lower-cased.
    static func capitalize(_ s: String) -> String { PythonCase.capitalize(s) }

    /// `str.title()`: a cased character after an uncased one starts a word.
    static func title(_ s: String) -> String { PythonCase.title(s) }

    static func swapcase(_ s: String) -> String { PythonCase.swapcase(s) }

    /// `str.strip(chars)`; `chars == nil` strips Python whitespace.
    static func strip(_ s: String, _ chars: String?, leading: Bool = true, trailing: Bool = true) -> String {
        let scalars = Array(s.unicodeScalars)
        let set = chars.map { Set($0.unicodeScalars) }
        func strips(_ c: Unicode.Scalar) -> Bool { set?.contains(c) ?? PythonWhitespace.contains(c) }
        var start = 0, end = scalars.count
        if leading { while start < end, strips(scalars[start]) { start += 1 } }
        if trailing { while end > start, strips(scalars[end - 1]) { end -= 1 } }
        return string(scalars[start..<end])
    }

    /// `str.split(sep, maxsplit)`.
    static func split(_ s: String, _ separator: String?, maxSplit: Int = -1) throws(PythonError) -> [String] {
        let h = Array(s.unicodeScalars)
        guard let separator else {
            var parts: [String] = []
            var i = 0
            var splits = 0
            while i < h.count {
                while i < h.count, PythonWhitespace.contains(h[i]) { i += 1 }
                if i >= h.count { break }
                if maxSplit >= 0 && splits >= maxSplit {
                    var end = h.count
                    while end > i, PythonWhitespace.contains(h[end - 1]) { end -= 1 }
                    parts.append(string(h[i..<end]))
                    break
                }
                let start = i
                while i < h.count, !PythonWhitespace.contains(h[i]) { i += 1 }
                parts.append(string(h[start..<i]))
                splits += 1
            }
            return parts
        }
        let n = Array(separator.unicodeScalars)
        if n.isEmpty { throw .value("empty separator") }
        var parts: [String] = []
        var start = 0
        var splits = 0
        while maxSplit < 0 || splits < maxSplit, let i = find(n, in: h, from: start) {
            parts.append(string(h[start..<i]))
            start = i + n.count
            splits += 1
        }
        parts.append(string(h[start...]))
        return parts
    }

    /// `str.replace(old, new, count)`; `count < 0` replaces all.
    static func replace(_ s: String, _ old: String, _ new: String, count: Int = -1) -> String {
        let h = Array(s.unicodeScalars), o = Array(old.unicodeScalars)
        var out = String.UnicodeScalarView()
        var done = 0
        if o.isEmpty {
            for (i, c) in h.enumerated() {
                if count < 0 || done < count {
                    out.append(contentsOf: new.unicodeScalars)
                    done += 1
                }
                _ = i
                out.append(c)
            }
            if count < 0 || done < count { out.append(contentsOf: new.unicodeScalars) }
            return String(out)
        }
        var start = 0
        while count < 0 || done < count, let i = find(o, in: h, from: start) {
            out.append(contentsOf: h[start..<i])
            out.append(contentsOf: new.unicodeScalars)
            start = i + o.count
            done += 1
        }
        out.append(contentsOf: h[start...])
        return String(out)
    }

    /// `str.splitlines()` (without `keepends`).
    static func splitLines(_ s: String) -> [String] {
        let h = Array(s.unicodeScalars)
        var lines: [String] = []
        var start = 0
        var i = 0
        while i < h.count {
            let c = h[i]
            switch c.value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029:
                lines.append(string(h[start..<i]))
                if c == "\r", i + 1 < h.count, h[i + 1] == "\n" { i += 1 }
                start = i + 1
            default:
                break
            }
            i += 1
        }
        if start < h.count { lines.append(string(h[start...])) }
        return lines
    }

    /// `str.center(width, fill)`.
    static func center(_ s: String, width: Int, fill: Unicode.Scalar = " ") -> String {
        let length = s.unicodeScalars.count
        guard width > length else { return s }
        let margin = width - length
        let left = margin / 2 + (margin & width & 1)
        let pad = String(Character(fill))
        return String(repeating: pad, count: left) + s + String(repeating: pad, count: margin - left)
    }

    static func count(_ s: String, _ needle: String) -> Int {
        let h = Array(s.unicodeScalars), n = Array(needle.unicodeScalars)
        if n.isEmpty { return h.count + 1 }
        var total = 0
        var start = 0
        while let i = find(n, in: h, from: start) {
            total += 1
            start = i + n.count
        }
        return total
    }

    /// Python's `\w`: alphanumerics (Unicode) and underscore.
    static func isWordCharacter(_ c: Unicode.Scalar) -> Bool {
        if c == "_" { return true }
        let p = c.properties
        if p.isAlphabetic { return true }
        switch p.numericType {
        case .decimal?, .digit?, .numeric?: return true
        default: return false
        }
    }
}
