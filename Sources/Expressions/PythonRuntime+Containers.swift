import Basics

/// Iteration, membership, indexing and slicing with Python's rules (negative indices, steps, KeyError /
/// IndexError messages).
extension PythonRuntime {
    /// The elements `iter(x)` yields (dict → keys, str → characters).
    public static func elements(of v: RuntimeValue, limits: ExpressionLimits = .standard) throws(ExpressionError) -> [RuntimeValue] {
        switch v {
        case .value(let value):
            return try elements(of: value).map { RuntimeValue.value($0) }
        case .range(let a, let b, let c):
            let n = rangeLength(a, b, c)
            try limits.checkCollection(n)
            var out: [RuntimeValue] = []
            out.reserveCapacity(n)
            var x = a
            for _ in 0..<n { out.append(.int(x)); x &+= c }
            return out
        default:
            throw .type("'\(typeName(v))' object is not iterable")
        }
    }

    public static func elements(of v: Value) throws(ExpressionError) -> [Value] {
        switch v {
        case .array(let a), .tuple(let a), .set(let a): return a
        case .string(let s): return s.unicodeScalars.map { .string(String($0)) }
        case .object(let o): return o.keys.map { .string($0) }
        default: throw .type("'\(v.pythonTypeName)' object is not iterable")
        }
    }

    /// `len(x)`.
    public static func length(_ v: RuntimeValue) throws(ExpressionError) -> Int {
        switch v {
        case .value(.array(let a)), .value(.tuple(let a)), .value(.set(let a)): return a.count
        case .value(.string(let s)): return s.unicodeScalars.count
        case .value(.object(let o)): return o.count
        case .range(let a, let b, let c): return rangeLength(a, b, c)
        default: throw .type("object of type '\(typeName(v))' has no len()")
        }
    }

    /// `item in container`.
    public static func contains(_ container: RuntimeValue, _ item: RuntimeValue) throws(ExpressionError) -> Bool {
        switch container {
        case .value(.array(let a)), .value(.tuple(let a)), .value(.set(let a)):
            guard case .value(let x) = item else { return false }
            return a.contains { equals(x, $0) }
        case .value(.string(let s)):
            guard case .value(.string(let sub)) = item else {
                throw .type("'in <string>' requires string as left operand, not \(typeName(item))")
            }
            return CodePointSearch.contains(sub, in: s)
        case .value(.object(let o)):
            guard case .value(let x) = item else { return false }
            if case .string(let key) = x { return o.contains(key) }
            _ = try HashKey(x)
            return false
        case .range(let a, let b, let c):
            guard case .value(let x) = item, let n = NumericValue(x) else { return false }
            guard case .int(let i) = n else {
                let d = n.asDouble
                guard d.rounded(.down) == d, let i = Int(exactly: d) else { return false }
                return try contains(container, .int(i))
            }
            if c > 0 ? (i < a || i >= b) : (i > a || i <= b) { return false }
            return (i &- a) % c == 0
        default:
            throw .type("argument of type '\(typeName(container))' is not iterable")
        }
    }

    /// Normalises a possibly negative index; nil when out of range.
    static func normalizedIndex(_ index: Int, count: Int) -> Int? {
        let i = index < 0 ? index + count : index
        return (i >= 0 && i < count) ? i : nil
    }

    static func intIndex(_ v: RuntimeValue, what: String) throws(ExpressionError) -> Int {
        switch v {
        case .value(.int(let i)): return i
        case .value(.bool(let b)): return b ? 1 : 0
        default: throw .type("\(what) indices must be integers or slices, not \(typeName(v))")
        }
    }

    /// `container[key]`.
    public static func getItem(_ container: RuntimeValue, _ key: RuntimeValue) throws(ExpressionError) -> RuntimeValue {
        switch container {
        case .value(.array(let a)), .value(.tuple(let a)):
            let what = { if case .value(.tuple) = container { return "tuple" } else { return "list" } }()
            let i = try intIndex(key, what: what)
            guard let j = normalizedIndex(i, count: a.count) else { throw ExpressionError(.index, "\(what) index out of range") }
            return .value(a[j])
        case .value(.string(let s)):
            let i = try intIndex(key, what: "string")
            let scalars = s.unicodeScalars
            guard let j = normalizedIndex(i, count: scalars.count) else { throw ExpressionError(.index, "string index out of range") }
            return .value(.string(String(scalars[scalars.index(scalars.startIndex, offsetBy: j)])))
        case .value(.object(let o)):
            guard case .value(let k) = key else { throw .type("unhashable type: '\(typeName(key))'") }
            if case .string(let name) = k, let v = o[name] { return .value(v) }
            _ = try HashKey(k)
            throw ExpressionError(.key, k.pythonRepr)
        case .range(let a, let b, let c):
            let i = try intIndex(key, what: "range")
            guard let j = normalizedIndex(i, count: rangeLength(a, b, c)) else {
                throw ExpressionError(.index, "range object index out of range")
            }
            return .int(a + j * c)
        case .value(.set):
            throw .type("'set' object is not subscriptable")
        default:
            throw .type("'\(typeName(container))' object is not subscriptable")
        }
    }

    /// Python's `slice.indices(length)`.
    static func sliceIndices(_ start: Int?, _ stop: Int?, _ step: Int?, count: Int) throws(ExpressionError) -> (Int, Int, Int) {
        let step = step ?? 1
        if step == 0 { throw .value("slice step cannot be zero") }
        func clamp(_ v: Int?, _ defaultValue: Int) -> Int {
            guard var v else { return defaultValue }
            if v < 0 {
                v += count
                if v < 0 { v = step < 0 ? -1 : 0 }
            } else if v >= count {
                v = step < 0 ? count - 1 : count
            }
            return v
        }
        return (clamp(start, step < 0 ? count - 1 : 0), clamp(stop, step < 0 ? -1 : count), step)
    }

    static func sliceOffsets(_ start: Int?, _ stop: Int?, _ step: Int?, count: Int) throws(ExpressionError) -> [Int] {
        let (a, b, c) = try sliceIndices(start, stop, step, count: count)
        let n = rangeLength(a, b, c)
        var out: [Int] = []
        out.reserveCapacity(n)
        var i = a
        for _ in 0..<n { out.append(i); i += c }
        return out
    }

    /// `container[start:stop:step]`.
    public static func getSlice(_ container: RuntimeValue, _ start: Int?, _ stop: Int?, _ step: Int?) throws(ExpressionError) -> RuntimeValue {
        switch container {
        case .value(.array(let a)):
            if step == nil || step == 1 {
                let (s, e, _) = try sliceIndices(start, stop, 1, count: a.count)
                return .value(.array(s < e ? Array(a[s..<e]) : []))
            }
            return .value(.array(try sliceOffsets(start, stop, step, count: a.count).map { a[$0] }))
        case .value(.tuple(let a)):
            return .value(.tuple(try sliceOffsets(start, stop, step, count: a.count).map { a[$0] }))
        case .value(.string(let s)):
            let scalars = Array(s.unicodeScalars)
            var out = String.UnicodeScalarView()
            for i in try sliceOffsets(start, stop, step, count: scalars.count) { out.append(scalars[i]) }
            return .value(.string(String(out)))
        case .range(let a, _, let c):
            let n = try length(container)
            let (s, e, st) = try sliceIndices(start, stop, step, count: n)
            return .range(start: a + s * c, stop: a + e * c, step: st * c)
        default:
            throw .type("'\(typeName(container))' object is not subscriptable")
        }
    }
}
