import Basics

/// How runtime values become data, text, booleans and sequences, and where `StrictUndefined` fails.
extension Renderer {
    /// The plain value; an undefined raises, and Jinja objects that are not data are refused.
    func toValue(_ value: RuntimeValue, at offset: Int?) throws(TemplateError) -> Value {
        switch value {
        case .value(let v): return v
        case .undefined(let u): throw u.error
        case .sequence(let s):
            if case .range = s.kind { return .array(s.items) }
            return .array(s.items)
        case .namespace(let n): return .object(n.attributes)
        case .macro, .loop, .callable, .module:
            throw fail(.unsupported, "a \(typeName(value)) cannot be used as a value here", at: offset)
        }
    }

    func typeName(_ value: RuntimeValue) -> String {
        switch value {
        case .value(let v): return v.pythonTypeName
        case .undefined: return "StrictUndefined"
        case .macro: return "Macro"
        case .loop: return "LoopContext"
        case .namespace: return "Namespace"
        case .callable: return "builtin_function_or_method"
        case .sequence(let s): return s.typeName
        case .module: return "TemplateModule"
        }
    }

    /// Python `bool(value)`.
    func isTrue(_ value: RuntimeValue, at offset: Int?) throws(TemplateError) -> Bool {
        switch value {
        case .value(let v): return PythonValues.isTrue(v)
        case .undefined(let u):
            if u.lenient { return false }
            throw u.error
        case .sequence(let s):
            if case .range = s.kind { return !s.items.isEmpty }
            if case .generator = s.kind { return true }
            if case .reverseIterator = s.kind { return true }
            return !s.items.isEmpty
        case .macro, .loop, .namespace, .callable, .module: return true
        }
    }

    /// Python `str(value)`, as `{{ }}` prints it.
    func text(of value: RuntimeValue, at offset: Int?) throws(TemplateError) -> String {
        switch value {
        case .value(let v): return v.pythonStr
        case .undefined(let u):
            if u.lenient { return "" }
            throw u.error
        case .sequence(let s): return s.text
        case .namespace(let n): return "<Namespace \(Value.object(n.attributes).pythonRepr)>"
        case .macro(let m): return "<Macro '\(m.definition.name)'>"
        case .loop(let l): return "<LoopContext \(l.index0 + 1)/\(l.items.count)>"
        case .callable(let c): return "<built-in method \(c.name)>"
        case .module(let m): return m.output
        }
    }

    /// The items of `for x in value` / `list(value)`.
    func iterate(_ value: RuntimeValue, at offset: Int?) throws(TemplateError) -> [Value] {
        switch value {
        case .value(let v):
            do { return try PythonValues.iterate(v) } catch { throw fail(error, at: offset) }
        case .sequence(let s): return s.items
        case .undefined(let u):
            if u.lenient { return [] }
            throw u.error
        case .namespace: throw fail(.type, "'Namespace' object is not iterable", at: offset)
        case .loop: throw fail(.unsupported, "iterating over 'loop' is not supported", at: offset)
        case .macro, .callable, .module: throw fail(.type, "'\(typeName(value))' object is not iterable", at: offset)
        }
    }

    /// Python `len(value)`.
    func length(_ value: RuntimeValue, at offset: Int?) throws(TemplateError) -> Int {
        switch value {
        case .value(let v):
            do { return try PythonValues.length(v) } catch { throw fail(error, at: offset) }
        case .sequence(let s):
            guard s.hasLength else { throw fail(.type, "object of type '\(s.typeName)' has no len()", at: offset) }
            return s.items.count
        case .undefined(let u):
            if u.lenient { return 0 }
            throw u.error
        case .loop(let l): return l.items.count
        default: throw fail(.type, "object of type '\(typeName(value))' has no len()", at: offset)
        }
    }
}
