import Basics

/// One entry of a failure record's `errors` (or of a record's `_warnings`): `{path, rule, message}`.
///
/// Invariants: `path` is the Python tool's string path (`$`, `$.field`); `rule` follows the Python tool's
/// names (`required_f`, `type_f`, `range_f`, `enum_f`, the rule's `name`, `schema_<keyword>`,
/// `schema_non_finite_number`, `parse`); `message` is one human-readable sentence.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var rule: String
    public var message: String

    public init(path: String, rule: String, message: String) {
        self.path = path
        self.rule = rule
        self.message = message
    }

    /// `{"path": …, "rule": …, "message": …}` in that order.
    public var value: Value {
        .object(["path": .string(path), "rule": .string(rule), "message": .string(message)])
    }

    public var description: String { "\(path): \(message) [\(rule)]" }
}
