import Foundation
import Basics

/// Equality as JSON Schema defines it (`const`, `enum`, `uniqueItems`).
///
/// Invariants: numbers compare by mathematical value (`1 == 1.0`), booleans never equal numbers,
/// objects compare without regard to key order, arrays element by element. Tuples and sets (which JSON
/// has not) compare as arrays.
enum JSONEquality {
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.double(x), .double(y)): return x == y
        case let (.int(x), .double(y)), let (.double(y), .int(x)): return numericEqual(x, y)
        case let (.string(x), .string(y)): return sameCodePoints(x, y)
        case let (.object(x), .object(y)):
            guard x.count == y.count else { return false }
            for (key, value) in x {
                guard let other = y[key], equal(value, other) else { return false }
            }
            return true
        default:
            guard let x = a.sequenceElements, let y = b.sequenceElements, x.count == y.count else { return false }
            for i in x.indices where !equal(x[i], y[i]) { return false }
            return true
        }
    }

    /// String equality by code points (Swift's `==` uses canonical equivalence, JSON Schema does not).
    static func sameCodePoints(_ x: String, _ y: String) -> Bool {
        let fast = x.utf8.withContiguousStorageIfAvailable { a in
            y.utf8.withContiguousStorageIfAvailable { b in
                guard a.count == b.count else { return false }
                guard let p = a.baseAddress, let q = b.baseAddress else { return true }
                return memcmp(p, q, a.count) == 0
            }
        }
        if let fast, let result = fast { return result }
        return x.utf8.elementsEqual(y.utf8)
    }

    /// Exact comparison of an integer with a double (no rounding of large integers).
    static func numericEqual(_ i: Int, _ d: Double) -> Bool {
        guard d.isFinite, d == d.rounded(), abs(d) < 9.3e18 else { return false }
        return Int(exactly: d) == i
    }
}

extension Value {
    /// Elements of an array, tuple or set.
    var sequenceElements: [Value]? {
        switch self {
        case .array(let a), .tuple(let a), .set(let a): return a
        default: return nil
        }
    }
}
