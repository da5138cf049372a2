import Basics

/// One change the coercion made to an LLM answer, for the log (`[COERCE] $.path: from -> to`).
///
/// Invariant: `path` is in the Python tool's form (`$.a[0]`); `from` and `to` are the values before and
/// after (for an unwrapped `response`, `to` is the object that was taken out of it).
public struct Coercion: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var from: Value
    public var to: Value

    public init(path: String, from: Value, to: Value) {
        self.path = path
        self.from = from
        self.to = to
    }

    public var description: String { "[COERCE] \(path): \(from.pythonRepr) -> \(to.pythonRepr)" }
}
