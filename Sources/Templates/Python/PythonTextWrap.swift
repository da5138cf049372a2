/// Python's `textwrap.wrap` as Jinja2's `wordwrap` filter calls it (`expand_tabs=False`,
/// `replace_whitespace=False`, `drop_whitespace=True`, no indents, no `max_lines`).
///
/// Invariant: the chunking reproduces `TextWrapper.wordsep_re` (whitespace runs, em-dashes between words,
/// words split after hyphens between letters) and `_wrap_chunks`/`_handle_long_word` line filling;
/// lengths count Unicode scalars, as Python does.
enum PythonTextWrap {
    typealias Scalars = [Unicode.Scalar]

    /// textwrap's own whitespace set (not Unicode's).
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\u{0B}" || c == "\u{0C}" || c == "\r"
    }

    private static func isWord(_ c: Unicode.Scalar) -> Bool { PythonStrings.isWordCharacter(c) }

    /// `[\w!"'&.,?]`
    private static func isWordPunct(_ c: Unicode.Scalar) -> Bool {
        isWord(c) || "!\"'&.,?".unicodeScalars.contains(c)
    }

    /// `[^\d\W]`: word characters that are not decimal digits.
    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        isWord(c) && c.properties.numericType != .decimal
    }

    static func wrap(_ text: String, width: Int, breakLongWords: Bool, breakOnHyphens: Bool) -> [String] {
        let s = Array(text.unicodeScalars)
        let chunks = breakOnHyphens ? splitWithHyphens(s) : splitOnWhitespace(s)
        return wrapChunks(chunks, width: width, breakLongWords: breakLongWords, breakOnHyphens: breakOnHyphens)
            .map { PythonStrings.string($0) }
    }

    private static func splitOnWhitespace(_ s: Scalars) -> [Scalars] {
        var chunks: [Scalars] = []
        var i = 0
        while i < s.count {
            let space = isSpace(s[i])
            let start = i
            while i < s.count, isSpace(s[i]) == space { i += 1 }
            chunks.append(Array(s[start..<i]))
        }
        return chunks
    }

    private static func splitWithHyphens(_ s: Scalars) -> [Scalars] {
        var chunks: [Scalars] = []
        var i = 0
        func at(_ k: Int) -> Unicode.Scalar? { k >= 0 && k < s.count ? s[k] : nil }
        while i < s.count {
            let start = i
            if isSpace(s[i]) {
                while i < s.count, isSpace(s[i]) { i += 1 }
            } else if let end = emDash(s, at: i) {
                i = end
            } else {
                i = wordEnd(s, from: i)
            }
            chunks.append(Array(s[start..<i]))
        }
        return chunks
    }

    /// `(?<=wp) -{2,} (?=\w)` at `i`: the end of the dash run, or nil.
    private static func emDash(_ s: Scalars, at i: Int) -> Int? {
        guard i > 0, isWordPunct(s[i - 1]), s[i] == "-" else { return nil }
        var j = i
        while j < s.count, s[j] == "-" { j += 1 }
        guard j - i >= 2, j < s.count, isWord(s[j]) else { return nil }
        return j
    }

    /// `nws+? (?: hyphen-break | (?=ws|\Z) | (?<=wp)(?=-{2,}\w) )`: the end of the word chunk from `i`.
    private static func wordEnd(_ s: Scalars, from i: Int) -> Int {
        var k = i + 1  // lazily: the chunk is s[i..<k], at least one non-space scalar
        while true {
            // A: a hyphen at k, with letters around it as the lookbehind/lookahead require.
            if k < s.count, s[k] == "-" {
                let behindTwo = k >= 2 && isLetter(s[k - 1]) && isLetter(s[k - 2])
                let behindSplit = k >= 3 && isLetter(s[k - 1]) && s[k - 2] == "-" && isLetter(s[k - 3])
                let aheadLetter = k + 1 < s.count && isLetter(s[k + 1])
                let ahead = aheadLetter && (
                    (k + 2 < s.count && isLetter(s[k + 2]))
                    || (k + 3 < s.count && s[k + 2] == "-" && isLetter(s[k + 3])))
                if (behindTwo || behindSplit) && ahead { return k + 1 }
            }
            // B: end of word.
            if k >= s.count || isSpace(s[k]) { return k }
            // C: an em-dash follows.
            if isWordPunct(s[k - 1]), k + 2 < s.count, s[k] == "-", s[k + 1] == "-" {
                var j = k
                while j < s.count, s[j] == "-" { j += 1 }
                if j < s.count, isWord(s[j]) { return k }
            }
            k += 1
        }
    }

    private static func isBlank(_ chunk: Scalars) -> Bool { chunk.allSatisfy(PythonWhitespace.contains) }

    private static func wrapChunks(_ input: [Scalars], width: Int, breakLongWords: Bool, breakOnHyphens: Bool)
        -> [Scalars]
    {
        var chunks = Array(input.reversed())
        var lines: [Scalars] = []
        while !chunks.isEmpty {
            var line: [Scalars] = []
            var length = 0
            if let last = chunks.last, isBlank(last), !lines.isEmpty { chunks.removeLast() }
            while let last = chunks.last, length + last.count <= width {
                line.append(last)
                length += last.count
                chunks.removeLast()
            }
            if let last = chunks.last, last.count > width {
                let spaceLeft = width < 1 ? 1 : width - length
                if breakLongWords {
                    var end = spaceLeft
                    if breakOnHyphens, last.count > spaceLeft,
                       let hyphen = last[0..<max(0, min(spaceLeft, last.count))].lastIndex(of: "-"), hyphen > 0,
                       last[0..<hyphen].contains(where: { $0 != "-" }) {
                        end = hyphen + 1
                    }
                    let cut = max(0, min(end, last.count))
                    line.append(Array(last[0..<cut]))
                    chunks[chunks.count - 1] = Array(last[cut...])
                } else if line.isEmpty {
                    line.append(last)
                    chunks.removeLast()
                }
                length = line.reduce(0) { $0 + $1.count }
            }
            if let last = line.last, isBlank(last) {
                length -= last.count
                line.removeLast()
            }
            if !line.isEmpty { lines.append(Array(line.joined())) }
        }
        return lines
    }
}
