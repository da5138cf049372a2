/// Typed views of a `Value`, and the names Python gives its types (for messages).
extension Value {
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var intValue: Int? { if case .int(let i) = self { return i } else { return nil } }
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var objectValue: ValueObject? { if case .object(let o) = self { return o } else { return nil } }

    /// The number as a Double for `int` and `double` (bools are not numbers here).
    public var numberValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// The elements of an array, tuple or set.
    public var arrayValue: [Value]? {
        switch self {
        case .array(let a), .tuple(let a), .set(let a): return a
        default: return nil
        }
    }

    /// Member lookup on an object; nil for anything else or a missing key.
    public subscript(key: String) -> Value? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The Python type name of the value as `type(x).__name__` prints it.
    public var pythonTypeName: String {
        switch self {
        case .null: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .array: return "list"
        case .object: return "dict"
        case .tuple: return "tuple"
        case .set: return "set"
        }
    }

    /// The JSON type name, as JSON Schema names it ("integer" for ints, "number" for doubles).
    public var jsonTypeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .array, .tuple, .set: return "array"
        case .object: return "object"
        }
    }
}
