import Basics

/// The identity Python hashing gives a value, used for sets and dict keys: `1`, `1.0` and `True` are the
/// same key; lists, dicts and sets are unhashable (TypeError).
enum HashKey: Hashable {
    case none
    case int(Int)
    case double(UInt64)
    case string(String)
    case tuple([HashKey])

    init(_ v: Value) throws(ExpressionError) {
        switch v {
        case .null: self = .none
        case .bool(let b): self = .int(b ? 1 : 0)
        case .int(let i): self = .int(i)
        case .double(let d):
            if d.rounded(.down) == d, let i = Int(exactly: d) { self = .int(i) } else { self = .double(d.bitPattern) }
        case .string(let s): self = .string(s)
        case .tuple(let items): self = .tuple(try items.map { (e: Value) throws(ExpressionError) -> HashKey in try HashKey(e) })
        default: throw .type("unhashable type: '\(v.pythonTypeName)'")
        }
    }

    /// Removes later duplicates, keeping insertion order.
    static func uniqueInInsertionOrder(_ items: [Value]) throws(ExpressionError) -> [Value] {
        var seen = Set<HashKey>()
        var out: [Value] = []
        for item in items where seen.insert(try HashKey(item)).inserted { out.append(item) }
        return out
    }

    /// Removes later duplicates (Python set construction keeps the first of equal elements).
    static func unique(_ items: [Value]) throws(ExpressionError) -> [Value] {
        var seen = Set<HashKey>()
        var out: [Value] = []
        for item in items where seen.insert(try HashKey(item)).inserted { out.append(item) }
        return CPythonSetOrder.ordered(out)
    }
}
