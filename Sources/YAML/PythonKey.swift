import Basics

/// A scalar mapping key compared the way a Python dict compares keys: `True == 1 == 1.0`,
/// `False == 0 == 0.0 == -0.0`, `None` only equals itself, strings by content; NaN equals nothing.
///
/// Invariant: two keys are equal exactly when Python would treat them as the same dict key.
enum PythonKey: Hashable {
    case null
    case int(Int)
    case double(UInt64)
    case string(String)

    /// nil for NaN (never equal to another key) and for non-scalar values.
    init?(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .int(b ? 1 : 0)
        case .int(let i): self = .int(i)
        case .double(let d):
            if d.isNaN { return nil }
            if d == d.rounded(), d >= -9.223372036854775808e18, d < 9.223372036854775808e18 {
                self = .int(Int(d))
            } else {
                self = .double(d.bitPattern)
            }
        case .string(let s): self = .string(s)
        case .array, .object, .tuple, .set: return nil
        }
    }

    /// The key as `json.dumps` writes a dict key: strings as they are, `true`/`false`/`null`, ints in
    /// decimal, floats as `float.__repr__` (`NaN`, `Infinity`, `-Infinity`). nil for non-scalars.
    static func jsonKey(_ value: Value) -> String? {
        switch value {
        case .string(let s): return s
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return PythonFloat.repr(d, json: true)
        case .array, .object, .tuple, .set: return nil
        }
    }
}
