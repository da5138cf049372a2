import Basics

/// A value during evaluation: a plain `Value`, or one of the few things only the language has (builtin
/// functions, bound methods, the unit's random generator, lazy ranges, Jinja's undefined).
///
/// Invariants: results handed back to callers as `Value` must be `.value`; the other cases cannot be
/// serialised and converting them is an error (`toValue()`), as `json.dumps` would fail on them in Python.
public enum RuntimeValue: Sendable {
    case value(Value)
    case builtin(Builtin)
    indirect case boundMethod(receiver: RuntimeValue, name: String)
    case random
    case range(start: Int, stop: Int, step: Int)
    /// An undefined name or attribute (Jinja dialect only); carries the name for messages.
    case undefined(String)

    public static let none = RuntimeValue.value(.null)
    public static let `true` = RuntimeValue.value(.bool(true))
    public static let `false` = RuntimeValue.value(.bool(false))

    @inline(__always) public static func bool(_ b: Bool) -> RuntimeValue { .value(.bool(b)) }
    @inline(__always) public static func int(_ i: Int) -> RuntimeValue { .value(.int(i)) }

    /// The plain value, or a TypeError naming what cannot be represented.
    public func toValue() throws(ExpressionError) -> Value {
        switch self {
        case .value(let v): return v
        case .range:
            return .array(try PythonRuntime.elements(of: self).map { (e: RuntimeValue) throws(ExpressionError) -> Value in try e.toValue() })
        default:
            throw .type("Object of type \(PythonRuntime.typeName(self)) is not JSON serializable")
        }
    }

    var isUndefined: Bool { if case .undefined = self { return true } else { return false } }
}

/// The number of elements in a `range(start, stop, step)` (Python's formula).
func rangeLength(_ start: Int, _ stop: Int, _ step: Int) -> Int {
    if step > 0 {
        if start >= stop { return 0 }
        return Int((UInt(bitPattern: stop &- start) &- 1) / UInt(step)) + 1
    }
    if start <= stop { return 0 }
    return Int((UInt(bitPattern: start &- stop) &- 1) / UInt(bitPattern: 0 &- step)) + 1
}
