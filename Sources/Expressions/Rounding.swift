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
            if digits < 0 { throw ExpressionError(.notSupported, "round() of a float with negative ndigits is not supported") }
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
        return d
    }
}
