import Foundation

/// Markdown fenced code blocks (```` ``` ````) found in an LLM answer.
///
/// Invariants: a fence is a run of three or more backticks; a block closes at the next run at least as
/// long, or at the end of the text when it is never closed. `language` is the info string of the opening
/// fence lowercased (`""` when absent); blocks tagged `json` are listed first, then the others in text order.
enum FencedBlocks {
    struct Block: Equatable {
        var language: String
        var content: Range<Int>
    }

    static func find(in bytes: [UInt8], _ range: Range<Int>) -> [Block] {
        var blocks: [Block] = []
        var i = range.lowerBound
        while let open = nextRun(bytes, from: i, limit: range.upperBound) {
            let fenceLength = open.count
            var lineEnd = open.upperBound
            while lineEnd < range.upperBound, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let info = String(decoding: bytes[open.upperBound..<lineEnd], as: UTF8.self)
                .trimmingCharacters(in: .whitespaces)
            var contentStart = open.upperBound
            var language = ""
            if info.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "+" || $0 == "_" || $0 == "." }) {
                language = info.lowercased()
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

    /// The next run of at least three backticks at or after `from`.
    private static func nextRun(_ bytes: [UInt8], from: Int, limit: Int) -> Range<Int>? {
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
