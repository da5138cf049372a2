/// Markdown fenced code blocks (```` ``` ````) found in an LLM answer.
///
/// Invariants: a fence is a run of three or more backticks; a block closes at the next run at least as
/// long, or at the end of the text when it is never closed. `language` is the info string of the opening
/// fence lowercased (`""` when absent); blocks tagged `json` are listed first, then the others in text order.
enum FencedBlocks {
    /// One block: its lowercased language tag and the byte range of its content.
    struct Block: Equatable {
        var language: String
        var content: Range<Int>
    }

    static func find(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Block] {
        var blocks: [Block] = []
        var i = range.lowerBound
        while let open = nextRun(bytes, from: i, limit: range.upperBound) {
            let fenceLength = open.count
            var lineEnd = open.upperBound
            while lineEnd < range.upperBound, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var infoStart = open.upperBound
            var infoEnd = lineEnd
            while infoStart < infoEnd, ResponseParser.isSpace(bytes[infoStart]) { infoStart += 1 }
            while infoEnd > infoStart, ResponseParser.isSpace(bytes[infoEnd - 1]) { infoEnd -= 1 }
            let info = bytes[infoStart..<infoEnd]
            var contentStart = open.upperBound
            var language = ""
            if info.allSatisfy(isLanguageByte) {
                language = String(decoding: info.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
                contentStart = min(lineEnd + 1, range.upperBound)
            }
            var search = contentStart
            var closing: Range<Int>?
            while let run = nextRun(bytes, from: search, limit: range.upperBound) {
                if run.count >= fenceLength { closing = run; break }
                search = run.upperBound
            }
            let contentEnd = closing?.lowerBound ?? range.upperBound
            blocks.append(Block(language: language, content: contentStart..<max(contentStart, contentEnd)))
            guard let closing else { break }
            i = closing.upperBound
        }
        return blocks.filter { $0.language == "json" } + blocks.filter { $0.language != "json" }
    }

    /// ASCII letters, digits and `-+_.` (an info string such as `json`, `c++`, `objective-c`).
    private static func isLanguageByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 45 || b == 43 || b == 95 || b == 46
    }

    /// The next run of at least three backticks at or after `from`.
    private static func nextRun(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Range<Int>? {
        var i = from
        while i < limit {
            if bytes[i] == UInt8(ascii: "`") {
                var j = i
                while j < limit, bytes[j] == UInt8(ascii: "`") { j += 1 }
                if j - i >= 3 { return i..<j }
                i = j
            } else {
                i += 1
            }
        }
        return nil
    }
}
