/// Substring search by code points, as CPython's `str` does it (`in`, `count`, `split`, `replace`).
///
/// Swift's `String` search (and Foundation's) works on grapheme clusters or canonical equivalence, so
/// `'e' in 'e\u{301}'` would be false; CPython compares code points. Matching the UTF-8 bytes is the same as
/// matching code points: UTF-8 is self-synchronising, so a match of valid UTF-8 inside valid UTF-8 starts and
/// ends on code point boundaries. Invariant: every range returned is a byte range of `haystack`'s UTF-8,
/// non-overlapping, in the order found.
enum CodePointSearch {
    /// Occurrences of `needle` scanning left to right (at most `limit`); `needle` must not be empty.
    static func occurrences(of needle: String, in haystack: String, limit: Int = .max) -> [Range<Int>] {
        let hay = Array(haystack.utf8), pattern = Array(needle.utf8)
        var found: [Range<Int>] = []
        guard let first = pattern.first, pattern.count <= hay.count else { return found }
        var i = 0
        let last = hay.count - pattern.count
        while i <= last && found.count < limit {
            if hay[i] == first && hay[i..<(i + pattern.count)].elementsEqual(pattern) {
                found.append(i..<(i + pattern.count))
                i += pattern.count
            } else {
                i += 1
            }
        }
        return found
    }

    /// Occurrences of `needle` scanning right to left (at most `limit`), returned left to right.
    static func occurrencesFromRight(of needle: String, in haystack: String, limit: Int = .max) -> [Range<Int>] {
        let hay = Array(haystack.utf8), pattern = Array(needle.utf8)
        var found: [Range<Int>] = []
        guard !pattern.isEmpty, pattern.count <= hay.count else { return found }
        var i = hay.count - pattern.count
        while i >= 0 && found.count < limit {
            if hay[i..<(i + pattern.count)].elementsEqual(pattern) {
                found.append(i..<(i + pattern.count))
                i -= pattern.count
            } else {
                i -= 1
            }
        }
        return found.reversed()
    }

    static func contains(_ needle: String, in haystack: String) -> Bool {
        needle.isEmpty || !occurrences(of: needle, in: haystack, limit: 1).isEmpty
    }

    /// The pieces of `haystack` between `ranges` (sorted, non-overlapping byte ranges).
    static func pieces(of haystack: String, between ranges: [Range<Int>]) -> [String] {
        let bytes = Array(haystack.utf8)
        var out: [String] = []
        var start = 0
        for range in ranges {
            out.append(String(decoding: bytes[start..<range.lowerBound], as: UTF8.self))
            start = range.upperBound
        }
        out.append(String(decoding: bytes[start...], as: UTF8.self))
        return out
    }
}
