import Basics
import Foundation

/// Python's `round()`: half-even on the exact binary value (`round(2.675, 2) == 2.67`, `round(2.5) == 2`).
enum Rounding {
    static func round(_ a: ExpressionCompiler.Arguments) throws(ExpressionError) -> RuntimeValue {
        guard (1...2).contains(a.positional.count) else { throw .type("round() takes 1 or 2 arguments") }
        let x = a.positional[0]
        let nd = a.positional.count > 1 ? a.positional[1] : (Builtins.keyword(a, "ndigits") ?? .none)
        let number = try Builtins.number(x, .round)
        if case .value(.null) = nd {
            switch number {
            case .int(let i): return .int(i)
            case .double(let d):
                if d.isNaN { throw .value("cannot convert float NaN to integer") }
                if d.isInfinite { throw .overflow("cannot convert float infinity to integer") }
                guard let i = Int(exactly: d.rounded(.toNearestOrEven)) else { throw .overflow() }
                return .int(i)
            }
        }
        let digits = try RandomMethods.int(nd, "round")
        switch number {
        case .int(let i):
            if digits >= 0 { return .int(i) }
            if digits < -18 { return .int(0) }
            let p = try PythonRuntime.intPower(10, -digits)
            let q = PythonRuntime.floorDivide(i, p), r = i - q * p
            var rounded = q
            if r * 2 > p || (r * 2 == p && q % 2 != 0) { rounded += 1 }
            let (v, o) = rounded.multipliedReportingOverflow(by: p)
            if o { throw .overflow() }
            return .int(v)
        case .double(let d):
            return .value(.double(roundDouble(d, digits)))
        }
    }

    /// Correctly rounded via the exact decimal expansion printf produces (glibc rounds half-even on the
    /// exact binary value, as CPython's dtoa does).
    static func roundDouble(_ d: Double, _ digits: Int) -> Double {
        if !d.isFinite || d == 0 { return d }
        if digits > 323 { return d }
        if digits >= 0 {
            let text = String(format: "%.\(digits)f", d)
            return Double(text) ?? d
        }
        // Negative ndigits: round the exact decimal integer part (plus "has a fraction") half-even at
        // 10**-digits, as CPython's dtoa mode 3 does.
        let magnitude = Swift.abs(d)
        let integral = magnitude.rounded(.towardZero)
        let hasFraction = integral != magnitude
        let integerDigits = Array(String(format: "%.0f", integral))
        let k = -digits
        if k > integerDigits.count { return copysign(0.0, d) }
        let keep = Array(integerDigits.dropLast(k)), rest = Array(integerDigits.suffix(k))
        let half = ["5"] + [Character](repeating: "0", count: k - 1)
        var roundUp: Bool
        if rest.lexicographicallyPrecedes(half) {
            roundUp = false
        } else if rest == half {
            roundUp = hasFraction || (keep.last.flatMap { $0.wholeNumberValue }.map { $0 % 2 == 1 } ?? false)
        } else {
            roundUp = true
        }
        var kept = keep.isEmpty ? [Character("0")] : keep
        if roundUp {
            var i = kept.count - 1
            while i >= 0 {
                if kept[i] == "9" { kept[i] = "0"; i -= 1 } else { kept[i] = Character(String((kept[i].wholeNumberValue ?? 0) + 1)); break }
            }
            if i < 0 { kept.insert("1", at: 0) }
        }
        let result = Double(String(kept) + String(repeating: "0", count: k)) ?? d
        return copysign(result, d)
    }
}
