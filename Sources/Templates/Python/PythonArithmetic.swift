import Basics
import Expressions

/// Python's binary and unary arithmetic on `Value`, delegated to `Expressions.PythonRuntime` (int/float
/// promotion, true and floor division, modulo signs, `**`, sequence concatenation and repetition, `%`
/// string formatting). Invariant: never traps; an int result beyond 64 bits is an error (Python would
/// grow the int; see README, deviations).
enum PythonArithmetic {
    static func apply(_ op: BinaryOperator, _ a: Value, _ b: Value) throws(PythonError) -> Value {
        let delegated: Expressions.BinaryOperator
        switch op {
        case .add: delegated = .add
        case .subtract: delegated = .subtract
        case .multiply: delegated = .multiply
        case .divide: delegated = .trueDivide
        case .floorDivide: delegated = .floorDivide
        case .modulo: delegated = .modulo
        case .power: delegated = .power
        }
        do { return try PythonRuntime.binary(delegated, a, b) } catch { throw PythonError(error) }
    }

    static let overflow = PythonError(.unsupported, "integer result does not fit in 64 bits")

    static func double(_ n: PythonValues.Number) -> Double {
        switch n {
        case .int(let i): return Double(i)
        case .double(let d): return d
        }
    }

    static func negate(_ value: Value) throws(PythonError) -> Value {
        do { return try PythonRuntime.unary(.minus, .value(value)).toValue() } catch { throw PythonError(error) }
    }

    static func plus(_ value: Value) throws(PythonError) -> Value {
        do { return try PythonRuntime.unary(.plus, .value(value)).toValue() } catch { throw PythonError(error) }
    }
}

extension Value {
    var isDouble: Bool { if case .double = self { return true } else { return false } }
}
