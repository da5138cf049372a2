import Basics
import Expressions

/// Python's truthiness, loose equality, ordering, `len`, iteration, `in` and item lookup over `Value`.
///
/// The seam towards the `Expressions` module: truthiness, equality, ordering, `len`, iteration and `in`
/// delegate to `Expressions.PythonRuntime`, so Python semantics live in one place. Only what is
/// Jinja-specific stays here (item lookup that yields "missing" instead of raising, Jinja's
/// `object_type_repr`). Invariants: equality follows Python (`1 == 1.0 == True`, dicts and sets compare
/// order-free, lists never equal tuples); indices count Unicode scalars, as Python's `str` does.
enum PythonValues {
    static func isTrue(_ value: Value) -> Bool { PythonRuntime.truthy(value) }

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

    static func equals(_ a: Value, _ b: Value) -> Bool { PythonRuntime.equals(a, b) }

    /// `a < b` as Python decides it, or a `TypeError` for unorderable operands.
    static func less(_ a: Value, _ b: Value) throws(PythonError) -> Bool {
        do { return try PythonRuntime.ordered(.less, a, b) } catch { throw PythonError(error) }
    }

    static func compare(_ op: CompareOperator, _ a: Value, _ b: Value) throws(PythonError) -> Bool {
        switch op {
        case .equal: return equals(a, b)
        case .notEqual: return !equals(a, b)
        case .isIn: return try contains(b, a)
        case .notIn: return try !contains(b, a)
        case .less, .lessEqual, .greater, .greaterEqual:
            let delegated: Expressions.CompareOperator
            switch op {
            case .less: delegated = .less
            case .lessEqual: delegated = .lessEqual
            case .greater: delegated = .greater
            default: delegated = .greaterEqual
            }
            do { return try PythonRuntime.ordered(delegated, a, b) } catch { throw PythonError(error) }
        }
    }

    static func length(_ value: Value) throws(PythonError) -> Int {
        do { return try PythonRuntime.length(.value(value)) } catch { throw PythonError(error) }
    }

    static func iterate(_ value: Value) throws(PythonError) -> [Value] {
        do { return try PythonRuntime.elements(of: value) } catch { throw PythonError(error) }
    }

    /// `item in container`.
    static func contains(_ container: Value, _ item: Value) throws(PythonError) -> Bool {
        do { return try PythonRuntime.contains(.value(container), .value(item)) } catch { throw PythonError(error) }
    }

    /// `container[key]` for an index or key, or nil where Python raises `LookupError`/`TypeError`
    /// (Jinja2 turns those into an undefined).
    static func item(_ container: Value, _ key: Value) -> Value? {
        switch container {
        case .array(let a), .tuple(let a):
            guard case .int(let i)? = number(key), !key.isDouble, let k = normalizedIndex(i, count: a.count) else {
                return nil
            }
            return a[k]
        case .string(let s):
            guard case .int(let i)? = number(key), !key.isDouble else { return nil }
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
