import Basics
import Foundation

/// Python's binary and unary arithmetic on `Value`: int/float promotion, `/` always float, floor
/// division and modulo with the divisor's sign, `str`/`list` concatenation and repetition, `%` formatting.
///
/// Invariant: never traps. Python ints are unbounded; an int result that does not fit in 64 bits is a
/// `ValueError` here (a documented deviation) instead of a crash.
enum PythonArithmetic {
    static func apply(_ op: BinaryOperator, _ a: Value, _ b: Value) throws(PythonError) -> Value {
        switch op {
        case .add: return try add(a, b)
        case .subtract: return try numeric(op, a, b, intOp: { $0.subtractingReportingOverflow($1) }, doubleOp: -)
        case .multiply: return try multiply(a, b)
        case .divide: return try divide(a, b)
        case .floorDivide: return try floorDivide(a, b)
        case .modulo: return try modulo(a, b)
        case .power: return try power(a, b)
        }
    }

    private static func unsupported(_ op: BinaryOperator, _ a: Value, _ b: Value) -> PythonError {
        .type("unsupported operand type(s) for \(op.rawValue): '\(a.pythonTypeName)' and '\(b.pythonTypeName)'")
    }

    static let overflow = PythonError(.unsupported, "integer result does not fit in 64 bits")

    private static func numeric(
        _ op: BinaryOperator, _ a: Value, _ b: Value,
        intOp: (Int, Int) -> (partialValue: Int, overflow: Bool), doubleOp: (Double, Double) -> Double
    ) throws(PythonError) -> Value {
        guard let x = PythonValues.number(a), let y = PythonValues.number(b) else { throw unsupported(op, a, b) }
        switch (x, y) {
        case let (.int(p), .int(q)):
            let r = intOp(p, q)
            if r.overflow { throw overflow }
            return .int(r.partialValue)
        default:
            return .double(doubleOp(double(x), double(y)))
        }
    }

    static func double(_ n: PythonValues.Number) -> Double {
        switch n {
        case .int(let i): return Double(i)
        case .double(let d): return d
        }
    }

    private static func add(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        switch (a, b) {
        case let (.string(x), .string(y)): return .string(x + y)
        case let (.array(x), .array(y)): return .array(x + y)
        case let (.tuple(x), .tuple(y)): return .tuple(x + y)
        case (.string, _):
            throw .type("can only concatenate str (not \"\(b.pythonTypeName)\") to str")
        case (.array, _):
            throw .type("can only concatenate list (not \"\(b.pythonTypeName)\") to list")
        case (.tuple, _):
            throw .type("can only concatenate tuple (not \"\(b.pythonTypeName)\") to tuple")
        default:
            return try numeric(.add, a, b, intOp: { $0.addingReportingOverflow($1) }, doubleOp: +)
        }
    }

    private static func multiply(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        func repeatCount(_ v: Value) -> Int? {
            if case .int(let i)? = PythonValues.number(v), !(v.isDouble) { return max(0, i) }
            return nil
        }
        switch (a, b) {
        case (.string(let s), _) where repeatCount(b) != nil:
            return .string(String(repeating: s, count: repeatCount(b) ?? 0))
        case (_, .string(let s)) where repeatCount(a) != nil:
            return .string(String(repeating: s, count: repeatCount(a) ?? 0))
        case (.array(let x), _) where repeatCount(b) != nil:
            return .array(Array(repeatElement(x, count: repeatCount(b) ?? 0).joined()))
        case (_, .array(let x)) where repeatCount(a) != nil:
            return .array(Array(repeatElement(x, count: repeatCount(a) ?? 0).joined()))
        case (.tuple(let x), _) where repeatCount(b) != nil:
            return .tuple(Array(repeatElement(x, count: repeatCount(b) ?? 0).joined()))
        case (.string, _), (.array, _), (.tuple, _):
            throw .type("can't multiply sequence by non-int of type '\(b.pythonTypeName)'")
        case (_, .string), (_, .array), (_, .tuple):
            throw .type("can't multiply sequence by non-int of type '\(a.pythonTypeName)'")
        default:
            return try numeric(.multiply, a, b, intOp: { $0.multipliedReportingOverflow(by: $1) }, doubleOp: *)
        }
    }

    private static func divide(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        guard let x = PythonValues.number(a), let y = PythonValues.number(b) else { throw unsupported(.divide, a, b) }
        let q = double(y)
        if q == 0 {
            if case .int = y, case .int = x { throw .value("division by zero") }
            throw .value("float division by zero")
        }
        if case .int(let p) = x, case .int(let r) = y, abs(p) < (1 << 53), abs(r) < (1 << 53) {
            return .double(Double(p) / Double(r))
        }
        return .double(double(x) / q)
    }

    /// CPython's `float_divmod`.
    static func floatDivmod(_ vx: Double, _ wx: Double) -> (Double, Double) {
        var mod = fmod(vx, wx)
        var div = (vx - mod) / wx
        if mod != 0 {
            if (wx < 0) != (mod < 0) {
                mod += wx
                div -= 1.0
            }
        } else {
            mod = copysign(0.0, wx)
        }
        var floordiv: Double
        if div != 0 {
            floordiv = Foundation.floor(div)
            if div - floordiv > 0.5 { floordiv += 1.0 }
        } else {
            floordiv = copysign(0.0, vx / wx)
        }
        return (floordiv, mod)
    }

    private static func intDivmod(_ p: Int, _ q: Int) throws(PythonError) -> (Int, Int) {
        if p == Int.min && q == -1 { throw overflow }
        var d = p / q
        var m = p % q
        if m != 0 && ((m < 0) != (q < 0)) {
            d -= 1
            m += q
        }
        return (d, m)
    }

    private static func floorDivide(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        guard let x = PythonValues.number(a), let y = PythonValues.number(b) else {
            throw unsupported(.floorDivide, a, b)
        }
        if case .int(let p) = x, case .int(let q) = y {
            if q == 0 { throw .value("integer division or modulo by zero") }
            return .int(try intDivmod(p, q).0)
        }
        if double(y) == 0 { throw .value("float floor division by zero") }
        return .double(floatDivmod(double(x), double(y)).0)
    }

    private static func modulo(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        if case .string(let format) = a { return .string(try PercentFormat.format(format, b)) }
        guard let x = PythonValues.number(a), let y = PythonValues.number(b) else { throw unsupported(.modulo, a, b) }
        if case .int(let p) = x, case .int(let q) = y {
            if q == 0 { throw .value("integer modulo by zero") }
            return .int(try intDivmod(p, q).1)
        }
        if double(y) == 0 { throw .value("float modulo") }
        return .double(floatDivmod(double(x), double(y)).1)
    }

    private static func power(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        guard let x = PythonValues.number(a), let y = PythonValues.number(b) else { throw unsupported(.power, a, b) }
        if case .int(let base) = x, case .int(let exponent) = y {
            if exponent >= 0 {
                var result = 1
                var factor = base
                var e = exponent
                while e > 0 {
                    if e & 1 == 1 {
                        let r = result.multipliedReportingOverflow(by: factor)
                        if r.overflow { throw overflow }
                        result = r.partialValue
                    }
                    e >>= 1
                    if e > 0 {
                        let f = factor.multipliedReportingOverflow(by: factor)
                        if f.overflow { throw overflow }
                        factor = f.partialValue
                    }
                }
                return .int(result)
            }
            if base == 0 { throw .value("0.0 cannot be raised to a negative power") }
            return .double(Foundation.pow(Double(base), Double(exponent)))
        }
        let p = double(x), q = double(y)
        if p == 0 && q < 0 { throw .value("0.0 cannot be raised to a negative power") }
        if p < 0 && q.rounded() != q { throw .value("complex results are not supported") }
        return .double(Foundation.pow(p, q))
    }

    static func negate(_ value: Value) throws(PythonError) -> Value {
        switch PythonValues.number(value) {
        case .int(let i)?:
            if i == Int.min { throw overflow }
            return .int(-i)
        case .double(let d)?: return .double(-d)
        case nil: throw .type("bad operand type for unary -: '\(value.pythonTypeName)'")
        }
    }

    static func plus(_ value: Value) throws(PythonError) -> Value {
        switch PythonValues.number(value) {
        case .int(let i)?: return .int(i)
        case .double(let d)?: return .double(d)
        case nil: throw .type("bad operand type for unary +: '\(value.pythonTypeName)'")
        }
    }
}

extension Value {
    var isDouble: Bool { if case .double = self { return true } else { return false } }
}
