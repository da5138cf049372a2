import Basics
import Foundation

/// Binary and unary operators with CPython's rules (true division, floor division and modulo signs, `**`,
/// bools as ints, sequence repetition and concatenation, set algebra), overflow-checked.
extension PythonRuntime {
    public static func binary(_ op: BinaryOperator, _ a: RuntimeValue, _ b: RuntimeValue,
                              limits: ExpressionLimits = .standard) throws(ExpressionError) -> RuntimeValue {
        if op == .concatenate {
            try limits.checkText(of: a)
            try limits.checkText(of: b)
            return .value(.string(str(a) + str(b)))
        }
        guard case .value(let x) = a, case .value(let y) = b else {
            throw unsupported(op, typeName(a), typeName(b))
        }
        return .value(try binary(op, x, y, limits: limits))
    }

    static func unsupported(_ op: BinaryOperator, _ a: String, _ b: String) -> ExpressionError {
        let symbol = op == .power ? "** or pow()" : op.rawValue
        return .type("unsupported operand type(s) for \(symbol): '\(a)' and '\(b)'")
    }

    public static func binary(_ op: BinaryOperator, _ x: Value, _ y: Value,
                              limits: ExpressionLimits = .standard) throws(ExpressionError) -> Value {
        if case .int(let i) = x, case .int(let j) = y { return try intBinary(op, i, j) }
        if op == .add, case .array(let s) = x, case .array(let t) = y {
            try limits.checkCollection(s.count + t.count)
            var out: [Value] = []
            out.reserveCapacity(s.count + t.count)
            out.append(contentsOf: s)
            out.append(contentsOf: t)
            return .array(out)
        }
        if let p = NumericValue(x), let q = NumericValue(y) {
            if case .int(let i) = p, case .int(let j) = q {
                let r = try intBinary(op, i, j)
                // bool op bool stays bool for & | ^
                if case .bool(let bx) = x, case .bool(let by) = y {
                    switch op {
                    case .bitAnd: return .bool(bx && by)
                    case .bitOr: return .bool(bx || by)
                    case .bitXor: return .bool(bx != by)
                    default: break
                    }
                }
                return r
            }
            return try floatBinary(op, p.asDouble, q.asDouble, x, y)
        }
        switch (op, x, y) {
        case let (.add, .string(s), .string(t)):
            try limits.checkString(s.utf8.count + t.utf8.count)
            return .string(s + t)
        case let (.add, .array(s), .array(t)):
            try limits.checkCollection(s.count + t.count)
            return .array(s + t)
        case let (.add, .tuple(s), .tuple(t)):
            try limits.checkCollection(s.count + t.count)
            return .tuple(s + t)
        case (.multiply, _, _):
            if let n = repeatCount(y), let r = try repeatSequence(x, n, limits: limits) { return r }
            if let n = repeatCount(x), let r = try repeatSequence(y, n, limits: limits) { return r }
        case (.modulo, .string(let s), _):
            try limits.checkText(of: .value(y))
            return .string(try PercentFormatter.format(s, y))
        case let (.subtract, .set(s), .set(t)):
            return .set(CPythonSetOrder.ordered(s.filter { e in !t.contains { equals(e, $0) } }))
        case let (.bitAnd, .set(s), .set(t)):
            // CPython iterates the smaller set and keeps its elements.
            let (small, large) = t.count < s.count ? (t, s) : (s, t)
            return .set(CPythonSetOrder.ordered(small.filter { e in large.contains { equals(e, $0) } }))
        case let (.bitOr, .set(s), .set(t)):
            return .set(CPythonSetOrder.ordered(s + t.filter { e in !s.contains { equals(e, $0) } }))
        case let (.bitXor, .set(s), .set(t)):
            return .set(CPythonSetOrder.ordered(s.filter { e in !t.contains { equals(e, $0) } } + t.filter { e in !s.contains { equals(e, $0) } }))
        case let (.bitOr, .object(s), .object(t)):
            return .object(s.merging(t))
        default: break
        }
        if op == .add, case .string = x {
            throw .type("can only concatenate str (not \"\(y.pythonTypeName)\") to str")
        }
        if op == .add, case .array = x {
            throw .type("can only concatenate list (not \"\(y.pythonTypeName)\") to list")
        }
        if op == .add, case .tuple = x {
            throw .type("can only concatenate tuple (not \"\(y.pythonTypeName)\") to tuple")
        }
        throw unsupported(op, x.pythonTypeName, y.pythonTypeName)
    }

    private static func repeatCount(_ v: Value) -> Int? {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    private static func repeatSequence(_ v: Value, _ n: Int, limits: ExpressionLimits) throws(ExpressionError) -> Value? {
        let times = max(0, n)
        switch v {
        case .string(let s):
            let (total, overflow) = s.utf8.count.multipliedReportingOverflow(by: times)
            if overflow { throw .overflow("repeated string is too long") }
            try limits.checkString(total)
            return .string(String(repeating: s, count: times))
        case .array(let a), .tuple(let a):
            let (total, overflow) = a.count.multipliedReportingOverflow(by: times)
            if overflow { throw .overflow("repeated sequence is too long") }
            try limits.checkCollection(total)
            var out: [Value] = []
            out.reserveCapacity(total)
            for _ in 0..<times { out += a }
            if case .tuple = v { return .tuple(out) }
            return .array(out)
        default: return nil
        }
    }

    static func intBinary(_ op: BinaryOperator, _ a: Int, _ b: Int) throws(ExpressionError) -> Value {
        func checked(_ r: (partialValue: Int, overflow: Bool)) throws(ExpressionError) -> Value {
            if r.overflow { throw .overflow() }
            return .int(r.partialValue)
        }
        switch op {
        case .add: return try checked(a.addingReportingOverflow(b))
        case .subtract: return try checked(a.subtractingReportingOverflow(b))
        case .multiply: return try checked(a.multipliedReportingOverflow(by: b))
        case .trueDivide:
            if b == 0 { throw ExpressionError(.zeroDivision, "division by zero") }
            return .double(IntegerDivision.trueDivide(a, b))
        case .floorDivide:
            if b == 0 { throw ExpressionError(.zeroDivision, "integer division or modulo by zero") }
            if a == Int.min && b == -1 { throw .overflow() }
            return .int(floorDivide(a, b))
        case .modulo:
            if b == 0 { throw ExpressionError(.zeroDivision, "integer division or modulo by zero") }
            if b == -1 { return .int(0) }
            return .int(floorModulo(a, b))
        case .power:
            if b < 0 {
                if a == 0 { throw ExpressionError(.zeroDivision, "0.0 cannot be raised to a negative power") }
                return try floatBinary(.power, Double(a), Double(b), .int(a), .int(b))
            }
            return .int(try intPower(a, b))
        case .leftShift:
            if b < 0 { throw .value("negative shift count") }
            if a == 0 { return .int(0) }
            if b >= 63 { throw .overflow() }
            let r = a << b
            if r >> b != a { throw .overflow() }
            return .int(r)
        case .rightShift:
            if b < 0 { throw .value("negative shift count") }
            return .int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b)
        case .bitAnd: return .int(a & b)
        case .bitOr: return .int(a | b)
        case .bitXor: return .int(a ^ b)
        case .matrixMultiply, .concatenate: throw unsupported(op, "int", "int")
        }
    }

    static func intPower(_ base: Int, _ exponent: Int) throws(ExpressionError) -> Int {
        var result = 1, b = base, e = exponent
        while e > 0 {
            if e & 1 == 1 {
                let r = result.multipliedReportingOverflow(by: b)
                if r.overflow { throw .overflow() }
                result = r.partialValue
            }
            e >>= 1
            if e > 0 {
                let r = b.multipliedReportingOverflow(by: b)
                if r.overflow { throw .overflow() }
                b = r.partialValue
            }
        }
        return result
    }

    static func exactDouble(_ i: Int) -> Double? {
        let d = Double(i)
        return (d < 9_223_372_036_854_775_808.0 && Int(d) == i) ? d : nil
    }

    static func floatBinary(_ op: BinaryOperator, _ a: Double, _ b: Double, _ x: Value, _ y: Value) throws(ExpressionError) -> Value {
        switch op {
        case .add: return .double(a + b)
        case .subtract: return .double(a - b)
        case .multiply: return .double(a * b)
        case .trueDivide:
            if b == 0 { throw ExpressionError(.zeroDivision, "float division by zero") }
            return .double(a / b)
        case .floorDivide:
            if b == 0 { throw ExpressionError(.zeroDivision, "float floor division by zero") }
            return .double(floatDivMod(a, b).div)
        case .modulo:
            if b == 0 { throw ExpressionError(.zeroDivision, "float modulo") }
            return .double(floatDivMod(a, b).mod)
        case .power: return .double(try floatPower(a, b))
        default: throw unsupported(op, x.pythonTypeName, y.pythonTypeName)
        }
    }

    /// CPython's `_float_div_mod`.
    static func floatDivMod(_ vx: Double, _ wx: Double) -> (div: Double, mod: Double) {
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
            floordiv = div.rounded(.down)
            if div - floordiv > 0.5 { floordiv += 1.0 }
        } else {
            floordiv = copysign(0.0, vx / wx)
        }
        return (floordiv, mod)
    }

    /// CPython's `float_pow` special cases, then libm `pow`.
    static func floatPower(_ a: Double, _ b: Double) throws(ExpressionError) -> Double {
        if b == 0 { return 1.0 }
        if a.isNaN { return a == 1.0 ? 1.0 : a }
        if b.isNaN { return a == 1.0 ? 1.0 : b }
        if a == 0 && b < 0 && b.isFinite {
            throw ExpressionError(.zeroDivision, "0.0 cannot be raised to a negative power")
        }
        if a < 0 && a.isFinite && b.isFinite && b.rounded(.down) != b {
            throw ExpressionError(.notSupported, "complex results are not supported")
        }
        let r = pow(a, b)
        if r.isInfinite && a.isFinite && b.isFinite { throw .overflow("(34, 'Numerical result out of range')") }
        return r
    }

    /// Unary `+`, `-`, `~`, `not`.
    public static func unary(_ op: UnaryOperator, _ v: RuntimeValue) throws(ExpressionError) -> RuntimeValue {
        if op == .not { return .bool(!truthy(v)) }
        guard case .value(let x) = v, let n = NumericValue(x) else {
            throw .type("bad operand type for unary \(op.rawValue): '\(typeName(v))'")
        }
        switch (op, n) {
        case (.plus, .int(let i)): return .int(i)
        case (.plus, .double(let d)): return .value(.double(d))
        case (.minus, .int(let i)):
            if i == Int.min { throw .overflow() }
            return .int(-i)
        case (.minus, .double(let d)): return .value(.double(-d))
        case (.invert, .int(let i)): return .int(~i)
        default: throw .type("bad operand type for unary \(op.rawValue): '\(x.pythonTypeName)'")
        }
    }
}
