import Basics

/// Python's value semantics, shared by the evaluator and by the Templates module: truthiness, loose
/// equality (`1 == 1.0 == True`, order-free dicts), ordering, type names, `str()`/`repr()`, iteration.
///
/// Invariants: every function returns what CPython returns for the same operands or throws the matching
/// `ExpressionError`; nothing here wraps on overflow.
public enum PythonRuntime {
    /// `type(x).__name__`.
    public static func typeName(_ v: RuntimeValue) -> String {
        switch v {
        case .value(let value): return value.pythonTypeName
        case .builtin: return "builtin_function_or_method"
        case .boundMethod: return "builtin_function_or_method"
        case .random: return "SeededRandom"
        case .range: return "range"
        case .undefined: return "Undefined"
        }
    }

    /// `bool(x)`.
    public static func truthy(_ v: RuntimeValue) -> Bool {
        switch v {
        case .value(let value): return truthy(value)
        case .range(let a, let b, let c): return rangeLength(a, b, c) > 0
        case .undefined: return false
        default: return true
        }
    }

    public static func truthy(_ v: Value) -> Bool {
        switch v {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .array(let a), .tuple(let a), .set(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        }
    }

    /// `str(x)`.
    public static func str(_ v: RuntimeValue) -> String {
        switch v {
        case .value(let value): return value.pythonStr
        default: return repr(v)
        }
    }

    /// `repr(x)`.
    public static func repr(_ v: RuntimeValue) -> String {
        switch v {
        case .value(let value): return value.pythonRepr
        case .builtin(let b): return "<built-in function \(b.rawValue)>"
        case .boundMethod(let receiver, let name):
            return "<built-in method \(name) of \(typeName(receiver)) object>"
        case .random: return "<SeededRandom object>"
        case .range(let a, let b, let c): return c == 1 ? "range(\(a), \(b))" : "range(\(a), \(b), \(c))"
        case .undefined: return ""
        }
    }

    // MARK: equality

    /// `a == b`.
    public static func equals(_ a: RuntimeValue, _ b: RuntimeValue) -> Bool {
        switch (a, b) {
        case let (.value(x), .value(y)): return equals(x, y)
        case let (.range(a1, b1, c1), .range(a2, b2, c2)):
            let n1 = rangeLength(a1, b1, c1), n2 = rangeLength(a2, b2, c2)
            if n1 != n2 { return false }
            if n1 == 0 { return true }
            return a1 == a2 && (n1 == 1 || c1 == c2)
        case let (.builtin(x), .builtin(y)): return x == y
        case (.random, .random): return true
        default: return false
        }
    }

    /// Python `==` on plain values.
    public static func equals(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case let (.int(x), .int(y)): return x == y
        case let (.string(x), .string(y)): return x.utf8.elementsEqual(y.utf8)
        case (.null, .null): return true
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
        default:
            guard let x = NumericValue(a), let y = NumericValue(b) else { return false }
            return NumericValue.compare(x, y) == 0
        }
    }

    // MARK: ordering

    /// `<`, `<=`, `>`, `>=` (TypeError for unorderable operands).
    public static func ordered(_ op: CompareOperator, _ a: RuntimeValue, _ b: RuntimeValue) throws(ExpressionError) -> Bool {
        guard case .value(let x) = a, case .value(let y) = b else {
            throw .type("'\(op.rawValue)' not supported between instances of '\(typeName(a))' and '\(typeName(b))'")
        }
        return try ordered(op, x, y)
    }

    public static func ordered(_ op: CompareOperator, _ x: Value, _ y: Value) throws(ExpressionError) -> Bool {
        if case .set(let sx) = x, case .set(let sy) = y {
            let sub = sx.allSatisfy { e in sy.contains { equals(e, $0) } }
            let sup = sy.allSatisfy { e in sx.contains { equals(e, $0) } }
            switch op {
            case .less: return sub && sx.count < sy.count
            case .lessEqual: return sub
            case .greater: return sup && sx.count > sy.count
            default: return sup
            }
        }
        guard let c = try threeWay(x, y, op: op) else { return false }
        switch op {
        case .less: return c < 0
        case .lessEqual: return c <= 0
        case .greater: return c > 0
        default: return c >= 0
        }
    }

    /// -1/0/1, nil when unordered (NaN); TypeError for incomparable types.
    static func threeWay(_ x: Value, _ y: Value, op: CompareOperator) throws(ExpressionError) -> Int? {
        switch (x, y) {
        case let (.int(a), .int(b)): return a < b ? -1 : (a == b ? 0 : 1)
        case let (.string(a), .string(b)):
            if a.utf8.elementsEqual(b.utf8) { return 0 }
            return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : 1
        case let (.array(a), .array(b)), let (.tuple(a), .tuple(b)):
            for (p, q) in zip(a, b) where !equals(p, q) {
                return try threeWay(p, q, op: op)
            }
            return a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
        default:
            if let a = NumericValue(x), let b = NumericValue(y) {
                let c = NumericValue.compare(a, b)
                return c == 2 ? nil : c
            }
            throw .type("'\(op.rawValue)' not supported between instances of '\(x.pythonTypeName)' and '\(y.pythonTypeName)'")
        }
    }

    /// Total order used by `sorted`/`min`/`max` (`a < b`).
    static func less(_ a: RuntimeValue, _ b: RuntimeValue) throws(ExpressionError) -> Bool {
        try ordered(.less, a, b)
    }

    // MARK: identity

    /// `a is b`. Exact where CPython's answer does not depend on object identity: None and bools are
    /// singletons, small ints (-5...256) are cached, objects of different types or unequal values are
    /// distinct. Two equal objects otherwise (strings, big ints, lists...) may or may not be the same object
    /// in CPython, so that case is an error rather than a guess.
    public static func isSame(_ a: RuntimeValue, _ b: RuntimeValue) throws(ExpressionError) -> Bool {
        switch (a, b) {
        case (.value(.null), .value(.null)): return true
        case (.value(.null), _), (_, .value(.null)): return false
        case let (.value(.bool(x)), .value(.bool(y))): return x == y
        case (.value(.bool), _), (_, .value(.bool)): return false
        case let (.builtin(x), .builtin(y)): return x == y
        case (.random, .random): return true
        case let (.value(.int(x)), .value(.int(y))):
            if x != y { return false }
            if (-5...256).contains(x) { return true }
        case let (.value(x), .value(y)):
            if x.pythonTypeName != y.pythonTypeName || !equals(x, y) { return false }
        default:
            if typeName(a) != typeName(b) { return false }
        }
        throw ExpressionError(.notSupported,
                              "'is' between two equal \(typeName(a)) objects depends on object identity; use '=='")
    }

    // MARK: integers

    /// Python floor division on ints (caller guarantees b != 0 and no overflow).
    public static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
    }

    /// Python modulo on ints (result has the sign of b).
    public static func floorModulo(_ a: Int, _ b: Int) -> Int {
        let r = a % b
        return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r
    }
}
