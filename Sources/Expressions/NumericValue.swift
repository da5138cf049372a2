import Basics

/// A Python number seen through `numbers.Real`: bool and int become `.int`, float stays `.double`.
///
/// Invariant: comparisons between int and float are exact (no rounding of the int), as in CPython.
enum NumericValue {
    case int(Int)
    case double(Double)

    init?(_ v: Value) {
        switch v {
        case .int(let i): self = .int(i)
        case .bool(let b): self = .int(b ? 1 : 0)
        case .double(let d): self = .double(d)
        default: return nil
        }
    }

    var asDouble: Double {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        }
    }

    /// -1/0/1; 2 when unordered (NaN involved), which no caller treats as equal or less.
    static func compare(_ a: NumericValue, _ b: NumericValue) -> Int {
        switch (a, b) {
        case let (.int(x), .int(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.double(x), .double(y)):
            if x.isNaN || y.isNaN { return 2 }
            return x < y ? -1 : (x == y ? 0 : 1)
        case let (.int(x), .double(y)): return compareIntDouble(x, y)
        case let (.double(x), .int(y)):
            let c = compareIntDouble(y, x)
            return c == 2 ? 2 : -c
        }
    }

    /// Exact comparison of an int with a double.
    static func compareIntDouble(_ i: Int, _ d: Double) -> Int {
        if d.isNaN { return 2 }
        if d >= 9_223_372_036_854_775_808.0 { return -1 }
        if d < -9_223_372_036_854_775_808.0 { return 1 }
        let floorD = d.rounded(.down)
        let f = Int(floorD)
        if i < f { return -1 }
        if i > f { return 1 }
        return floorD == d ? 0 : -1
    }
}

