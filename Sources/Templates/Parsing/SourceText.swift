import Basics

/// A template's source after Jinja2's newline normalisation, with a line table for locations.
///
/// Invariants: `scalars` contains no `\r` that was part of a line break (`\r\n` and `\r` became `\n`, as
/// Jinja2's lexer does before tokenising); `lineStarts[i]` is the offset of line i+1's first scalar.
struct SourceText: Sendable {
    let file: String
    let scalars: [Unicode.Scalar]
    let lineStarts: [Int]

    init(_ text: String, file: String) {
        self.file = file
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        var starts = [0]
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
                starts.append(out.count)
                previousWasCR = true
                continue
            }
            if scalar == "\n" {
                if previousWasCR {
                    previousWasCR = false
                    continue
                }
                out.append("\n")
                starts.append(out.count)
                continue
            }
            previousWasCR = false
            out.append(scalar)
        }
        scalars = out
        lineStarts = starts
    }

    /// The 1-based location of `offset` (columns count Unicode scalars).
    func location(_ offset: Int, length: Int = 1) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return SourceLocation(file: file, line: low + 1, column: offset - lineStarts[low] + 1, length: length)
    }
}
