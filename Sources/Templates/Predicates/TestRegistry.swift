import Basics

/// Jinja2's built-in tests (`x is defined`, `x is divisibleby 3`, `x is eq 2`, …).
///
/// Invariant: `names` is exactly what `apply` implements; the parser rejects other names at compile time.
/// Only `defined` and `undefined` look at an undefined input without failing (StrictUndefined).
enum TestRegistry {
    static let names: Set<String> = [
        "odd", "even", "divisibleby", "defined", "undefined", "none", "boolean", "false", "true", "integer",
        "float", "lower", "upper", "string", "mapping", "number", "sequence", "iterable", "callable", "sameas",
        "escaped", "in", "==", "eq", "equalto", "!=", "ne", ">", "gt", "greaterthan", "ge", ">=", "<", "lt",
        "lessthan", "<=", "le", "filter", "test",
    ]

    static func isKnown(_ name: String) -> Bool { names.contains(name) }

    /// Tests Jinja2 implements with `is`/`isinstance`, which never touch an undefined (they answer false).
    private static let identityTests: Set<String> = [
        "none", "boolean", "true", "false", "integer", "float", "string", "mapping", "number", "sequence",
    ]

    static func apply(_ f: FilterInvocation) throws(TemplateError) -> Bool {
        switch f.name {
        case "defined": _ = try f.bind([]); return !f.value.isUndefined
        case "undefined": _ = try f.bind([]); return f.value.isUndefined
        case "filter": return FilterRegistry.isKnown(try f.inputText())
        case "test": return isKnown(try f.inputText())
        case "callable":
            _ = try f.bind([])
            switch f.value {
            case .macro, .callable: return true
            case .undefined(let u): throw u.error
            default: return false
            }
        case "iterable":
            _ = try f.bind([])
            switch f.value {
            case .value(let v): return v.arrayValue != nil || v.stringValue != nil || v.objectValue != nil
            case .sequence: return true
            case .undefined(let u): throw u.error
            default: return false
            }
        case "escaped": _ = try f.bind([]); _ = try f.input(); return false
        case "sameas":
            let args = try f.bind(["other"], required: 1)
            return isSame(try f.input(), try f.plain(args[0]) ?? .null)
        default: break
        }
        if f.value.isUndefined, identityTests.contains(f.name) {
            _ = try f.bind(f.name == "sameas" ? ["other"] : [])
            return false
        }
        let v = try f.input()
        switch f.name {
        case "none": return v.isNull
        case "boolean": if case .bool = v { return true } else { return false }
        case "true": return v == .bool(true)
        case "false": return v == .bool(false)
        case "integer": if case .int = v { return true } else { return false }
        case "float": return v.isDouble
        case "string": return v.stringValue != nil
        case "mapping": return v.objectValue != nil
        case "number": return PythonValues.number(v) != nil
        case "sequence":
            switch v {
            case .string, .array, .tuple, .object: return true
            default: return false
            }
        case "lower": return isCase(v.pythonStr, lower: true)
        case "upper": return isCase(v.pythonStr, lower: false)
        case "odd", "even":
            _ = try f.bind([])
            let r: Value
            do { r = try PythonArithmetic.apply(.modulo, v, .int(2)) } catch { throw f.fail(error) }
            return PythonValues.equals(r, .int(f.name == "odd" ? 1 : 0))
        case "divisibleby":
            let args = try f.bind(["num"], required: 1)
            let r: Value
            let divisor = try f.plain(args[0]) ?? .null
            do { r = try PythonArithmetic.apply(.modulo, v, divisor) } catch { throw f.fail(error) }
            return PythonValues.equals(r, .int(0))
        case "in":
            let args = try f.bind(["seq"], required: 1)
            let container = try f.plain(args[0]) ?? .null
            do { return try PythonValues.contains(container, v) } catch { throw f.fail(error) }
        default:
            let args = try f.bind(["other"], required: 1)
            let other = try f.plain(args[0]) ?? .null
            let op: CompareOperator
            switch f.name {
            case "==", "eq", "equalto": op = .equal
            case "!=", "ne": op = .notEqual
            case ">", "gt", "greaterthan": op = .greater
            case ">=", "ge": op = .greaterEqual
            case "<", "lt", "lessthan": op = .less
            default: op = .lessEqual
            }
            do { return try PythonValues.compare(op, v, other) } catch { throw f.fail(error) }
        }
    }

    /// `is` identity, approximated on values: the same singleton or the same small int / equal string.
    private static func isSame(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y && x >= -5 && x <= 256
        default: return false
        }
    }

    private static func isCase(_ s: String, lower: Bool) -> Bool {
        let cased = s.unicodeScalars.contains { $0.properties.isCased }
        let wrong = s.unicodeScalars.contains { lower ? $0.properties.isUppercase : $0.properties.isLowercase }
        return cased && !wrong
    }
}

extension Renderer {
    func applyTest(_ name: String, to value: RuntimeValue, _ arguments: Arguments, _ scope: Scope, at: Int)
        throws(TemplateError) -> Bool
    {
        let (positional, keyword) = try evaluateArguments(arguments, scope, at: at)
        return try callTest(name, value, positional, keyword, at: at)
    }

    func callTest(_ name: String, _ value: RuntimeValue, _ positional: [RuntimeValue],
                  _ keyword: [(String, RuntimeValue)], at: Int) throws(TemplateError) -> Bool {
        guard TestRegistry.isKnown(name) else { throw fail(.argument, "No test named '\(name)' found.", at: at) }
        return try TestRegistry.apply(FilterInvocation(renderer: self, name: name, value: value, positional: positional,
                                                keyword: keyword, at: at))
    }
}
