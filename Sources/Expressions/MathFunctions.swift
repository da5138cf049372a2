import Basics
import Foundation

/// The bare math functions (`sqrt`, `floor`, `log`, ...) with `math` module semantics: domain errors are
/// ValueError, `floor`/`ceil`/`trunc` return ints.
enum MathFunctions {
    static func call(_ b: Builtin, _ a: ExpressionCompiler.Arguments) throws(ExpressionError) -> RuntimeValue {
        let p = a.positional
        func x(_ i: Int = 0) throws(ExpressionError) -> Double {
            guard i < p.count else { throw .type("\(b.rawValue)() missing required argument") }
            return try Builtins.number(p[i], b).asDouble
        }
        func result(_ v: Double) throws(ExpressionError) -> RuntimeValue {
            let input = try x()
            if v.isNaN && !input.isNaN { throw .value("math domain error") }
            return .value(.double(v))
        }
        func toInt(_ v: Double) throws(ExpressionError) -> RuntimeValue {
            if v.isNaN { throw .value("cannot convert float NaN to integer") }
            guard let i = Int(exactly: v) else { throw .overflow("cannot convert float infinity to integer") }
            return .int(i)
        }
        switch b {
        case .floor, .ceil, .trunc:
            if case .int(let i) = try Builtins.number(p.first ?? .none, b) { return .int(i) }
            let v = try x()
            return try toInt(b == .floor ? v.rounded(.down) : (b == .ceil ? v.rounded(.up) : v.rounded(.towardZero)))
        case .sqrt:
            let v = try x()
            if v < 0 { throw .value("math domain error") }
            return .value(.double(v.squareRoot()))
        case .log:
            let v = try x()
            if v <= 0 { throw .value("math domain error") }
            if p.count > 1 {
                let base = try x(1)
                if base <= 0 { throw .value("math domain error") }
                let den = Foundation.log(base)
                if den == 0 { throw ExpressionError(.zeroDivision, "float division by zero") }
                return .value(.double(Foundation.log(v) / den))
            }
            return .value(.double(Foundation.log(v)))
        case .log10, .log2:
            let v = try x()
            if v <= 0 { throw .value("math domain error") }
            return .value(.double(b == .log10 ? Foundation.log10(v) : Foundation.log2(v)))
        case .exp:
            let input = try x()
            let v = Foundation.exp(input)
            if v.isInfinite && input.isFinite { throw .overflow("math range error") }
            return .value(.double(v))
        case .fabs: return .value(.double(Swift.abs(try x())))
        case .isnan: return .bool((try x()).isNaN)
        case .isinf: return .bool((try x()).isInfinite)
        case .isfinite: return .bool((try x()).isFinite)
        case .sin: return try result(Foundation.sin(try x()))
        case .cos: return try result(Foundation.cos(try x()))
        case .tan: return try result(Foundation.tan(try x()))
        case .asin: return try result(Foundation.asin(try x()))
        case .acos: return try result(Foundation.acos(try x()))
        case .atan: return .value(.double(Foundation.atan(try x())))
        case .atan2: return .value(.double(Foundation.atan2(try x(), try x(1))))
        case .sinh: return .value(.double(Foundation.sinh(try x())))
        case .cosh: return .value(.double(Foundation.cosh(try x())))
        case .tanh: return .value(.double(Foundation.tanh(try x())))
        case .degrees: return .value(.double((try x()) * (180.0 / Double.pi)))
        case .radians: return .value(.double((try x()) * (Double.pi / 180.0)))
        case .hypot: return .value(.double(Foundation.hypot(try x(), try x(1))))
        case .copysign: return .value(.double(Foundation.copysign(try x(), try x(1))))
        case .fmod:
            if try x(1) == 0 { throw .value("math domain error") }
            return .value(.double(Foundation.fmod(try x(), try x(1))))
        case .factorial:
            let n = try RandomMethods.int(p.first ?? .none, "factorial")
            if n < 0 { throw .value("factorial() not defined for negative values") }
            var r = 1
            if n > 1 { for i in 2...n { let (v, o) = r.multipliedReportingOverflow(by: i); if o { throw .overflow() }; r = v } }
            return .int(r)
        case .gcd:
            var g = 0
            for v in p {
                var m = Swift.abs(try RandomMethods.int(v, "gcd")), n = g
                while m != 0 { (n, m) = (m, n % m) }
                g = n
            }
            return .int(g)
        default:
            throw ExpressionError(.notSupported, "\(b.rawValue)() is not supported")
        }
    }
}
