import Basics

/// An error from parsing or evaluating an expression, named like the Python exception it stands for.
///
/// Invariants: `offset`/`length` are Unicode-scalar positions inside the expression text (nil when the error
/// has no position, e.g. one raised by a builtin on a value); `message` is the text Python would put after
/// `ExceptionName: ` where we know it. `description` is `"<kind>: <message>"`.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Python exception class the error corresponds to.
    public enum Kind: String, Sendable {
        case syntax = "SyntaxError"
        case notSupported = "NotImplementedError"
        case name = "NameError"
        case type = "TypeError"
        case value = "ValueError"
        case index = "IndexError"
        case key = "KeyError"
        case attribute = "AttributeError"
        case zeroDivision = "ZeroDivisionError"
        case overflow = "OverflowError"
        case limit = "LimitExceeded"
        case undefined = "UndefinedError"
    }

    public var kind: Kind
    public var message: String
    public var offset: Int?
    public var length: Int
    /// Names that were available when a name error happened (for diagnostics), sorted.
    public var availableNames: [String]
    /// The nearest available name for a name error.
    public var suggestion: String?

    public init(_ kind: Kind, _ message: String, offset: Int? = nil, length: Int = 1,
                availableNames: [String] = [], suggestion: String? = nil) {
        self.kind = kind
        self.message = message
        self.offset = offset
        self.length = length
        self.availableNames = availableNames
        self.suggestion = suggestion
    }

    public var description: String { "\(kind.rawValue): \(message)" }

    /// The same error, positioned at `offset` unless it already has a position.
    func located(at offset: Int, length: Int = 1) -> ExpressionError {
        if self.offset != nil { return self }
        var copy = self
        copy.offset = offset
        copy.length = max(1, length)
        return copy
    }

    /// 1-based line and column of `offset` within `source` (columns count Unicode scalars).
    public func lineAndColumn(in source: String) -> (line: Int, column: Int)? {
        guard let offset else { return nil }
        var line = 1, column = 1, index = 0
        for scalar in source.unicodeScalars {
            if index == offset { break }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return (line, column)
    }

    /// A `Diagnostic` pointing into the expression, given where the expression text starts in its file
    /// (`start` is the location of the expression's first character; multi-line texts advance the line).
    /// A stable diagnostic id for the kind of error.
    public var diagnosticID: String {
        switch kind {
        case .syntax: return "expression.syntax-error"
        case .notSupported: return "expression.not-supported"
        case .name, .undefined: return "expression.undefined-name"
        case .limit: return "expression.limit-exceeded"
        default: return "expression.evaluation-error"
        }
    }

    public func diagnostic(source: String, start: SourceLocation?, id: String? = nil) -> Diagnostic {
        let id = id ?? diagnosticID
        var location: SourceLocation? = start
        if let start, let (line, column) = lineAndColumn(in: source) {
            location = SourceLocation(file: start.file, line: start.line + line - 1,
                                      column: line == 1 ? start.column + column - 1 : column, length: length)
        }
        var help: String?
        if let suggestion { help = "did you mean '\(suggestion)'?" }
        var notes: [Diagnostic.Note] = []
        if kind == .name, !availableNames.isEmpty {
            notes.append(Diagnostic.Note("available names: " + availableNames.joined(separator: ", ")))
        }
        return Diagnostic.error(id, description, at: location, notes: notes, help: help)
    }

    static func type(_ message: String) -> ExpressionError { ExpressionError(.type, message) }
    static func value(_ message: String) -> ExpressionError { ExpressionError(.value, message) }
    static func overflow(_ message: String = "integer overflow (integers are limited to 64 bits)") -> ExpressionError {
        ExpressionError(.overflow, message)
    }
}
