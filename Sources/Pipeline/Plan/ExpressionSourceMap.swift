import Basics
import YAML

/// Maps character offsets in an expression string taken from config.yaml back to line and column in the
/// file, for every scalar style: plain and quoted on one line or folded over several, literal (`|`) and
/// folded (`>`) blocks.
///
/// Invariants: offsets count Unicode scalars, as expression errors do; each source line contributes the
/// text the YAML loader kept from it (indentation stripped) and each line break the one character it
/// became (a newline or a space), so a name on the third line of a block is found on that line. Escapes in
/// double-quoted scalars are not undone (a rare case; the column is then approximate). An offset past the
/// end maps to the end of the last line.
struct ExpressionSourceMap {
    /// One source line's share of the scalar: where it starts in the file and how many characters it has.
    struct Segment {
        var line: Int
        var column: Int
        var length: Int
        /// Characters the line break after this line became in the value (0 or 1).
        var separator: Int
    }

    let file: String
    let segments: [Segment]

    init?(node: YAMLNode, source: String, file: String) {
        guard let scalar = node.scalar else { return nil }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Array($0.unicodeScalars) }
        let range = node.range
        guard range.start.line >= 1, range.start.line <= lines.count else { return nil }
        self.file = file
        switch scalar.style {
        case .literal, .folded:
            segments = Self.blockSegments(lines: lines, range: range, folded: scalar.style == .folded)
        default:
            let quote = scalar.style == .plain ? 0 : 1
            segments = Self.flowSegments(lines: lines, range: range, quote: quote)
        }
        if segments.isEmpty { return nil }
    }

    /// The place of character `offset` (clamped to the text).
    func location(offset: Int, length: Int) -> SourceLocation? {
        var position = 0
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            if offset < position + segment.length || (isLast && offset >= position) {
                let within = min(offset - position, segment.length)
                return SourceLocation(file: file, line: segment.line, column: segment.column + max(0, within),
                                      length: length)
            }
            position += segment.length
            if offset < position + segment.separator {
                return SourceLocation(file: file, line: segment.line, column: segment.column + segment.length,
                                      length: length)
            }
            position += segment.separator
        }
        return nil
    }

    static func isBlank(_ line: [Unicode.Scalar]) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }

    static func indentation(_ line: [Unicode.Scalar]) -> Int { line.prefix { $0 == " " }.count }

    /// `|` and `>` blocks: the content starts on the line after the indicator, at the first content line's
    /// indentation. Literal blocks keep every line break; folded ones turn a break between two text lines
    /// into a space and drop the break before a blank line (which becomes the newline itself).
    static func blockSegments(lines: [[Unicode.Scalar]], range: YAMLSourceRange, folded: Bool) -> [Segment] {
        let first = range.start.line + 1
        let last = range.end.column > 1 ? range.end.line : range.end.line - 1
        guard first <= min(last, lines.count) else { return [] }
        let contentLines = Array(first...min(last, lines.count))
        guard let indentLine = contentLines.first(where: { !isBlank(lines[$0 - 1]) }) else { return [] }
        let indent = indentation(lines[indentLine - 1])
        var segments: [Segment] = []
        for (i, lineNumber) in contentLines.enumerated() {
            let line = lines[lineNumber - 1]
            let blank = isBlank(line)
            let length = blank ? 0 : max(0, line.count - indent)
            let nextBlank = i + 1 < contentLines.count ? isBlank(lines[contentLines[i + 1] - 1]) : true
            let separator = folded && !blank && nextBlank ? 0 : 1
            segments.append(Segment(line: lineNumber, column: indent + 1, length: length, separator: separator))
        }
        return segments
    }

    /// Plain and quoted scalars: the first line starts at the node (after its quote); continuation lines
    /// lose their leading spaces; each line break becomes a space.
    static func flowSegments(lines: [[Unicode.Scalar]], range: YAMLSourceRange, quote: Int) -> [Segment] {
        var segments: [Segment] = []
        for lineNumber in range.start.line...min(range.end.line, lines.count) {
            let line = lines[lineNumber - 1]
            let startColumn = lineNumber == range.start.line ? range.start.column + quote : indentation(line) + 1
            let endColumn = lineNumber == range.end.line ? range.end.column - quote : line.count + 1
            segments.append(Segment(line: lineNumber, column: startColumn, length: max(0, endColumn - startColumn),
                                    separator: 1))
        }
        return segments
    }
}
