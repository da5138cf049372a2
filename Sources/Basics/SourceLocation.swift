/// A position in a source file: 1-based line and column (columns count Unicode scalars).
///
/// `file` is the path as the user should see it (relative where possible). `length` is the number of
/// columns the finding spans on that line (at least 1), for the caret underline.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var length: Int

    public init(file: String, line: Int, column: Int, length: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
        self.length = max(1, length)
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    /// The location `columns` scalars further right on the same line (for positions inside a scalar).
    public func advanced(columns: Int, length: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + columns, length: length)
    }
}
