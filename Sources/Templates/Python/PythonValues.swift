import Basics

/// Python's truthiness, loose equality, ordering, `len`, iteration and `in` over `Value`.
///
/// This is the seam towards the `Expressions` module: when it exports the same runtime helpers, these
/// functions delegate to it. Invariants: equality follows Python (`1 == 1.0 == True`, dicts and sets
/// compare order-free, lists never equal tuples); strings compare by code point, not by Swift's
/// canonical-equivalence ordering; lengths and indices count Unicode scalars, as Python's `str` does.
enum PythonValues {
    static func isTrue(_ value: Value) -> Bool {
        switch value {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .array(let a), .tuple(let a), .set(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        }
    }

    /// The value as a number if Python treats it as one (bools are ints).
    enum Number { case int(Int), double(Double) }

    static func number(_ value: Value) -> Number? {
        switch value {
        case .bool(let b): return .int(b ? 1 : 0)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        default: return nil
        }
    }

    static func equals(_ a: Value, _ b: Value) -> Bool {
        if let x = number(a), let y = number(b) { return numbersEqual(x, y) }
        switch (a, b) {
        case (.null, .null): return true
        case let (.string(x), .string(y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case let (.array(x), .array(y)), let (.tuple(x), .tuple(y)):
            return x.count == y.count && zip(x, y).allSatisfy { equals($0, $1) }
        case let (.set(x), .set(y)):
            return x.count == y.count && x.allSatisfy { e in y.contains { equals(e, $0) } }
        case let (.object(x), .object(y)):
            guard x.count == y.count else { return false }
            for (key, value) in x {
                guard let other = y[key], equals(value, other) else { return false }
            }
            return true
        default: return false
        }
    }

    static func numbersEqual(_ x: Number, _ y: Number) -> Bool {
        switch (x, y) {
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.int(a), .double(b)), let (.double(b), .int(a)): return exactlyEqual(a, b)
        }
    }

    private static func exactlyEqual(_ i: Int, _ d: Double) -> Bool {
        guard d.isFinite, d.rounded(.towardZero) == d else { return false }
        guard d >= -9.223372036854775808e18, d < 9.223372036854775808e18 else { return false }
        return Int(d) == i
    }

    /// `a < b` as Python decides it, or a `TypeError` for unorderable operands.
    static func less(_ a: Value, _ b: Value, op: String = "<") throws(PythonError) -> Bool {
        if let x = number(a), let y = number(b) {
            switch (x, y) {
            case let (.int(p), .int(q)): return p < q
            case let (.double(p), .double(q)): return p < q
            case let (.int(p), .double(q)): return Double(p) < q
            case let (.double(p), .int(q)): return p < Double(q)
            }
        }
        switch (a, b) {
        case let (.string(x), .string(y)):
            return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
        case let (.array(x), .array(y)), let (.tuple(x), .tuple(y)):
            for (p, q) in zip(x, y) where !equals(p, q) { return try less(p, q, op: op) }
            return x.count < y.count
        default:
            throw .type("'\(op)' not supported between instances of '\(a.pythonTypeName)' and '\(b.pythonTypeName)'")
        }
    }

    static func compare(_ op: CompareOperator, _ a: Value, _ b: Value) throws(PythonError) -> Bool {
        switch op {
        case .equal: return equals(a, b)
        case .notEqual: return !equals(a, b)
        case .less: return try less(a, b, op: "<")
        case .greater: return try less(b, a, op: ">")
        case .lessEqual: return try !less(b, a, op: "<=") && isOrderedComparable(a, b)
        case .greaterEqual: return try !less(a, b, op: ">=") && isOrderedComparable(a, b)
        case .isIn: return try contains(b, a)
        case .notIn: return try !contains(b, a)
        }
    }

    /// NaN is neither smaller, equal nor larger: `<=` and `>=` must be false for it.
    private static func isOrderedComparable(_ a: Value, _ b: Value) -> Bool {
        if case .double(let d) = a, d.isNaN { return false }
        if case .double(let d) = b, d.isNaN { return false }
        return true
    }

    static func length(_ value: Value) throws(PythonError) -> Int {
        switch value {
        case .string(let s): return s.unicodeScalars.count
        case .array(let a), .tuple(let a), .set(let a): return a.count
        case .object(let o): return o.count
        default: throw .type("object of type '\(value.pythonTypeName)' has no len()")
        }
    }

    static func iterate(_ value: Value) throws(PythonError) -> [Value] {
        switch value {
        case .string(let s): return s.unicodeScalars.map { .string(String($0)) }
        case .array(let a), .tuple(let a), .set(let a): return a
        case .object(let o): return o.keys.map { .string($0) }
        default: throw .type("'\(value.pythonTypeName)' object is not iterable")
        }
    }

    /// `item in container`.
    static func contains(_ container: Value, _ item: Value) throws(PythonError) -> Bool {
        switch container {
        case .string(let s):
            guard case .string(let needle) = item else {
                throw .type("'in <string>' requires string as left operand, not \(item.pythonTypeName)")
            }
            return PythonStrings.find(needle, in: s) != nil
        case .array(let a), .tuple(let a), .set(let a): return a.contains { equals($0, item) }
        case .object(let o):
            if case .string(let k) = item { return o.contains(k) }
            return false
        default:
            throw .type("argument of type '\(container.pythonTypeName)' is not iterable")
        }
    }

    /// `container[key]` for an index or key, or nil where Python raises `LookupError`/`TypeError`.
    static func item(_ container: Value, _ key: Value) -> Value? {
        switch container {
        case .array(let a), .tuple(let a):
            guard case .int(let i)? = number(key), let k = normalizedIndex(i, count: a.count) else { return nil }
            return a[k]
        case .string(let s):
            guard case .int(let i)? = number(key) else { return nil }
            let scalars = Array(s.unicodeScalars)
            guard let k = normalizedIndex(i, count: scalars.count) else { return nil }
            return .string(String(scalars[k]))
        case .object(let o):
            if case .string(let k) = key { return o[k] }
            return nil
        default:
            return nil
        }
    }

    private static func normalizedIndex(_ i: Int, count: Int) -> Int? {
        let k = i < 0 ? i + count : i
        return k >= 0 && k < count ? k : nil
    }

    /// `object_type_repr` of Jinja2: how undefined-error messages name the container's type.
    static func objectTypeRepr(_ value: Value) -> String {
        if case .null = value { return "None" }
        return "\(value.pythonTypeName) object"
    }
}
