import Foundation
import Basics

/// Exact comparisons between JSON numbers that may be `int` or `double`.
///
/// Invariants: integers are compared as integers (no rounding through `Double`); `multipleOf` with decimal
/// divisors is decided in decimal arithmetic, so 0.0075 is a multiple of 0.0001 although binary floating
/// point says otherwise.
enum NumberComparison {
    /// -1, 0 or 1 when both are numbers; nil otherwise (including NaN).
    static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case let (.int(x), .int(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.int(x), .double(y)): return compare(x, y)
        case let (.double(x), .int(y)): return compare(y, x).map { -$0 }
        case let (.double(x), .double(y)):
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        default: return nil
        }
    }

    private static func compare(_ x: Int, _ y: Double) -> Int? {
        if y.isNaN { return nil }
        if y >= 9.3e18 { return -1 }
        if y <= -9.3e18 { return 1 }
        let floor = y.rounded(.down)
        guard let whole = Int(exactly: floor) else { return nil }
        if x < whole { return -1 }
        if x > whole { return 1 }
        return y == floor ? 0 : -1
    }

    static func isMultiple(_ value: Value, of divisor: Value) -> Bool {
        switch (value, divisor) {
        case let (.int(x), .int(d)): return d != 0 && x % d == 0
        default:
            guard let x = value.numberValue, let d = divisor.numberValue, d != 0 else { return false }
            if !x.isFinite { return false }
            let quotient = x / d
            if !quotient.isFinite { return false }
            if abs(quotient) >= 1e15 { return quotient == quotient.rounded() }
            guard let dx = Decimal(string: PythonFloat.repr(x)), let dd = Decimal(string: PythonFloat.repr(d)) else {
                return quotient == quotient.rounded()
            }
            var q = dx / dd
            var rounded = Decimal()
            NSDecimalRound(&rounded, &q, 0, .plain)
            return rounded == q
        }
    }
}
