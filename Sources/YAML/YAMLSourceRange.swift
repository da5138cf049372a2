import Basics

/// A position in a YAML source: 1-based line and 1-based column counted in Unicode scalars.
///
/// Invariant: `line >= 1`, `column >= 1`. Built from libyaml marks (which are 0-based and count characters).
public struct YAMLPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: YAMLPosition, b: YAMLPosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// The source span of a node: `start` is its first character (its tag or anchor when it has one),
/// `end` is the position just past its last character (exclusive, as libyaml reports it).
///
/// Invariant: `start <= end`.
public struct YAMLSourceRange: Sendable, Hashable, CustomStringConvertible {
    public var start: YAMLPosition
    public var end: YAMLPosition

    public init(start: YAMLPosition, end: YAMLPosition) {
        self.start = start
        self.end = max(start, end)
    }

    /// A zero-width range at `position`.
    public init(at position: YAMLPosition) {
        self.init(start: position, end: position)
    }

    /// `line:column-line:column`.
    public var description: String { "\(start)-\(end)" }

    /// The location of the range's start in `file`; the caret underline spans the range when it stays on
    /// one line, one column otherwise.
    public func location(in file: String) -> SourceLocation {
        let length = start.line == end.line ? end.column - start.column : 1
        return SourceLocation(file: file, line: start.line, column: start.column, length: length)
    }
}
