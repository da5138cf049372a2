import Basics

/// Jinja2's `getattr` (attribute, then item) and `getitem` (item, then attribute), and slicing.
extension Renderer {
    func attribute(of base: RuntimeValue, _ name: String, at offset: Int) throws(TemplateError) -> RuntimeValue {
        switch base {
        case .value(let v):
            if PythonMethods.has(v, name) { return .callable(.method(v, name)) }
            if case .object(let o) = v, let member = o[name] { return .value(member) }
            if case .tuple(let pair) = v, pair.count == 2, name == "grouper" || name == "list" {
                return .value(pair[name == "grouper" ? 0 : 1])  // groupby's _GroupTuple fields
            }
            return missing(v, .string(name), at: offset)
        case .undefined(let u):
            throw u.error
        case .loop(let l):
            return l.attribute(name, at: location(offset))
        case .namespace(let n):
            if let member = n.attributes[name] { return .value(member) }
            return .undefined(Undefined(
                message: Undefined.memberMessage(of: "jinja2.utils.Namespace object", .string(name)),
                location: location(offset)))
        case .sequence(let s):
            return .undefined(Undefined(message: Undefined.memberMessage(of: "\(s.typeName) object", .string(name)),
                                        location: location(offset)))
        case .macro(let m):
            switch name {
            case "name": return .value(.string(m.definition.name))
            case "arguments": return .value(.tuple(m.definition.parameters.map { .string($0) }))
            default:
                return .undefined(Undefined(
                    message: Undefined.memberMessage(of: "jinja2.runtime.Macro object", .string(name)),
                    location: location(offset)))
            }
        case .module(let module):
            if let member = module.exports[name] { return member }
            return .undefined(Undefined(
                message: Undefined.memberMessage(of: "jinja2.environment.TemplateModule object", .string(name)),
                location: location(offset)))
        case .callable(.selfReference):
            if blockChains[name] != nil { return .callable(.blockReference(name)) }
            return .undefined(Undefined(
                message: Undefined.memberMessage(of: "jinja2.runtime.TemplateReference object", .string(name)),
                location: location(offset)))
        case .callable(.cyclerObject(let cycler)):
            switch name {
            case "next": return .callable(.cyclerNext(cycler))
            case "reset": return .callable(.cyclerReset(cycler))
            case "current": return cycler.items.isEmpty ? .none : .value(cycler.items[cycler.position])
            default:
                return .undefined(Undefined(
                    message: Undefined.memberMessage(of: "jinja2.utils.Cycler object", .string(name)),
                    location: location(offset)))
            }
        case .callable:
            return .undefined(Undefined(
                message: Undefined.memberMessage(of: "builtin_function_or_method object", .string(name)),
                location: location(offset)))
        }
    }

    func item(of base: RuntimeValue, _ key: Value, at offset: Int) throws(TemplateError) -> RuntimeValue {
        switch base {
        case .value(let v):
            if let member = PythonValues.item(v, key) { return .value(member) }
            if case .string(let name) = key, PythonMethods.has(v, name) { return .callable(.method(v, name)) }
            return missing(v, key, at: offset)
        case .sequence(let s):
            if case .range = s.kind, let member = PythonValues.item(.array(s.items), key) { return .value(member) }
            return .undefined(Undefined(message: Undefined.memberMessage(of: "\(s.typeName) object", key),
                                        location: location(offset)))
        case .undefined(let u):
            throw u.error
        default:
            if case .string(let name) = key { return try attribute(of: base, name, at: offset) }
            return .undefined(Undefined(message: Undefined.memberMessage(of: "\(typeName(base)) object", key),
                                        location: location(offset)))
        }
    }

    private func missing(_ container: Value, _ key: Value, at offset: Int) -> RuntimeValue {
        .undefined(Undefined(message: Undefined.memberMessage(of: PythonValues.objectTypeRepr(container), key),
                             location: location(offset)))
    }

    func slice(_ base: RuntimeValue, start: Expression?, stop: Expression?, step: Expression?, _ scope: Scope,
               at offset: Int) throws(TemplateError) -> RuntimeValue {
        func bound(_ e: Expression?) throws(TemplateError) -> Int? {
            guard let e else { return nil }
            let v = try toValue(try evaluate(e, scope), at: e.offset ?? offset)
            if case .null = v { return nil }
            guard case .int(let i)? = PythonValues.number(v), !v.isDouble else {
                throw fail(.type, "slice indices must be integers or None or have an __index__ method", at: offset)
            }
            return i
        }
        let a = try bound(start), b = try bound(stop), c = try bound(step) ?? 1
        if c == 0 { throw fail(.value, "slice step cannot be zero", at: offset) }
        let value: Value
        switch base {
        case .sequence(let s): value = .array(s.items)
        default: value = try toValue(base, at: offset)
        }
        func pick<T>(_ items: [T]) -> [T] {
            let n = items.count
            func clamp(_ x: Int?, _ fallback: Int, low: Int, high: Int) -> Int {
                guard var x else { return fallback }
                if x < 0 { x += n }
                return min(max(x, low), high)
            }
            var result: [T] = []
            if c > 0 {
                var i = clamp(a, 0, low: 0, high: n)
                let end = clamp(b, n, low: 0, high: n)
                while i < end { result.append(items[i]); i += c }
            } else {
                var i = clamp(a, n - 1, low: -1, high: n - 1)
                let end = clamp(b, -1, low: -1, high: n - 1)
                while i > end { result.append(items[i]); i += c }
            }
            return result
        }
        switch value {
        case .array(let items): return .value(.array(pick(items)))
        case .tuple(let items): return .value(.tuple(pick(items)))
        case .string(let s): return .value(.string(PythonStrings.string(pick(Array(s.unicodeScalars)))))
        default:
            let description = "slice(\(a.map(String.init) ?? "None"), \(b.map(String.init) ?? "None"), "
                + "\(step == nil ? "None" : String(c)))"
            return .undefined(Undefined(
                message: "\(PythonValues.objectTypeRepr(value)) has no element \(description)",
                location: location(offset)))
        }
    }
}
