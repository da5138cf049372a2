import Basics

/// Methods of str, list, dict, set and the random object.
///
/// Invariant: `callMutating` changes its `inout` receiver exactly as the Python method changes the object;
/// `call` never mutates (mutating methods on a temporary mutate a copy, which is then dropped, as Python's
/// effect on an unnamed temporary is unobservable).
enum MethodCalls {
    typealias Args = ExpressionCompiler.Arguments

    static let stringMethods: Set<String> = [
        "upper", "lower", "strip", "lstrip", "rstrip", "split", "rsplit", "join", "replace", "startswith", "endswith",
        "find", "rfind", "count", "title", "capitalize", "isdigit", "isalpha", "isalnum", "isspace", "isupper",
        "islower", "zfill", "format", "index", "center", "ljust", "rjust", "splitlines", "partition", "rpartition",
        "swapcase", "isnumeric", "isdecimal", "rindex", "istitle",
    ]
    static let listMethods: Set<String> = ["index", "count", "append", "extend", "insert", "pop", "remove", "sort", "reverse", "clear", "copy"]
    static let dictMethods: Set<String> = ["get", "keys", "values", "items", "pop", "update", "setdefault", "copy", "clear"]
    static let setMethods: Set<String> = ["add", "discard", "remove", "union", "intersection", "difference", "issubset", "issuperset", "copy"]

    static func hasMethod(_ v: RuntimeValue, _ name: String) -> Bool {
        switch v {
        case .value(.string): return stringMethods.contains(name)
        case .value(.array): return listMethods.contains(name)
        case .value(.tuple): return name == "index" || name == "count"
        case .value(.object): return dictMethods.contains(name)
        case .value(.set): return setMethods.contains(name)
        case .random: return RandomMethods.names.contains(name)
        case .builtin(.str): return stringMethods.contains(name)
        case .builtin(.list): return listMethods.contains(name)
        case .builtin(.dict): return dictMethods.contains(name)
        default: return false
        }
    }

    static func isMutating(_ v: Value, _ name: String) -> Bool {
        switch v {
        case .array: return ["append", "extend", "insert", "pop", "remove", "sort", "reverse", "clear"].contains(name)
        case .object: return ["pop", "update", "setdefault", "clear"].contains(name)
        case .set: return ["add", "discard", "remove"].contains(name)
        default: return false
        }
    }

    static func call(_ receiver: RuntimeValue, _ name: String, _ a: Args, _ env: Environment) throws(ExpressionError) -> RuntimeValue {
        switch receiver {
        case .random: return try RandomMethods.call(try env.rng(), name, a)
        case .value(.string(let s)) where stringMethods.contains(name): return try StringMethods.call(s, name, a, env)
        case .value(var v) where isMutating(v, name): return try callMutating(&v, name, a, env)
        case .value(.array(let items)), .value(.tuple(let items)):
            switch name {
            case "index":
                guard let x = a.positional.first, case .value(let target) = x else { throw .type("index() takes at least 1 argument") }
                guard let i = items.firstIndex(where: { PythonRuntime.equals($0, target) }) else {
                    throw .value("\(target.pythonRepr) is not in list")
                }
                return .int(i)
            case "count":
                guard let x = a.positional.first, case .value(let target) = x else { throw .type("count() takes exactly one argument") }
                return .int(items.filter { PythonRuntime.equals($0, target) }.count)
            case "copy": return receiver
            default: break
            }
        case .value(.object(let o)):
            switch name {
            case "get":
                guard let k = a.positional.first else { throw .type("get expected at least 1 argument, got 0") }
                let fallback = a.positional.count > 1 ? a.positional[1] : .none
                if case .value(.string(let key)) = k, let v = o[key] { return .value(v) }
                if case .value(let kv) = k { _ = try HashKey(kv) }
                return fallback
            case "keys": return .value(.array(o.keys.map { .string($0) }))
            case "values": return .value(.array(o.values))
            case "items": return .value(.array(o.map { .tuple([.string($0.key), $0.value]) }))
            case "copy": return receiver
            default: break
            }
        case .value(.set(let items)):
            let others = try a.positional.map { (v: RuntimeValue) throws(ExpressionError) -> [Value] in try Builtins.values(v, env) }
            func member(_ x: Value, _ list: [Value]) -> Bool { list.contains { PythonRuntime.equals(x, $0) } }
            switch name {
            case "union": return .value(.set(try HashKey.unique(items + others.flatMap { $0 })))
            case "intersection": return .value(.set(items.filter { x in others.allSatisfy { member(x, $0) } }))
            case "difference": return .value(.set(items.filter { x in !others.contains { member(x, $0) } }))
            case "issubset": return .bool(items.allSatisfy { member($0, others.first ?? []) })
            case "issuperset": return .bool((others.first ?? []).allSatisfy { member($0, items) })
            case "copy": return receiver
            default: break
            }
        default: break
        }
        throw ExpressionError(.attribute, "'\(PythonRuntime.typeName(receiver))' object has no attribute '\(name)'")
    }

    static func callMutating(_ target: inout Value, _ name: String, _ a: Args, _ env: Environment) throws(ExpressionError) -> RuntimeValue {
        let p = a.positional
        switch target {
        case .array(var items):
            target = .null
            defer { target = .array(items) }
            switch name {
            case "append":
                guard p.count == 1 else { throw .type("list.append() takes exactly one argument (\(p.count) given)") }
                items.append(try p[0].toValue())
                try env.limits.checkCollection(items.count)
            case "extend":
                guard p.count == 1 else { throw .type("list.extend() takes exactly one argument") }
                items += try Builtins.values(p[0], env)
                try env.limits.checkCollection(items.count)
            case "insert":
                guard p.count == 2 else { throw .type("insert expected 2 arguments") }
                var i = try RandomMethods.int(p[0], "insert")
                if i < 0 { i = max(0, i + items.count) }
                items.insert(try p[1].toValue(), at: min(i, items.count))
            case "pop":
                if items.isEmpty { throw ExpressionError(.index, "pop from empty list") }
                let i = p.isEmpty ? items.count - 1 : try RandomMethods.int(p[0], "pop")
                guard let j = PythonRuntime.normalizedIndex(i, count: items.count) else { throw ExpressionError(.index, "pop index out of range") }
                return .value(items.remove(at: j))
            case "remove":
                guard p.count == 1, case .value(let x) = p[0] else { throw .type("list.remove() takes exactly one argument") }
                guard let i = items.firstIndex(where: { PythonRuntime.equals($0, x) }) else { throw .value("list.remove(x): x not in list") }
                items.remove(at: i)
            case "sort":
                let reverse = Builtins.keyword(a, "reverse").map(PythonRuntime.truthy) ?? false
                items = try Aggregates.stableSort(try Aggregates.keyed(items, Builtins.keyword(a, "key"), env), reverse: reverse)
            case "reverse": items.reverse()
            case "clear": items = []
            default: throw ExpressionError(.attribute, "'list' object has no attribute '\(name)'")
            }
            return .none
        case .object(var o):
            target = .null
            defer { target = .object(o) }
            switch name {
            case "pop":
                guard let k = p.first else { throw .type("pop expected at least 1 argument, got 0") }
                let key = try ExpressionCompiler.dictKey(k)
                if let v = o.removeValue(forKey: key) { return .value(v) }
                if p.count > 1 { return p[1] }
                throw ExpressionError(.key, Value.string(key).pythonRepr)
            case "update":
                if let first = p.first, case .value(.object(let other)) = try Conversions.dict(Args(positional: [first], keywords: []), env) { o.merge(other) }
                for (k, v) in a.keywords { o[k] = try v.toValue() }
                return .none
            case "setdefault":
                guard let k = p.first else { throw .type("setdefault expected at least 1 argument, got 0") }
                let key = try ExpressionCompiler.dictKey(k)
                if let v = o[key] { return .value(v) }
                let v = p.count > 1 ? try p[1].toValue() : .null
                o[key] = v
                return .value(v)
            case "clear":
                o = ValueObject()
                return .none
            default: throw ExpressionError(.attribute, "'dict' object has no attribute '\(name)'")
            }
        case .set(var items):
            target = .null
            defer { target = .set(items) }
            guard p.count == 1, case .value(let x) = p[0] else { throw .type("\(name)() takes exactly one argument") }
            let key = try HashKey(x)
            let index = items.firstIndex { (try? HashKey($0)) == key }
            switch name {
            case "add": if index == nil { items.append(x) }
            case "discard": if let index { items.remove(at: index) }
            case "remove":
                guard let index else { throw ExpressionError(.key, x.pythonRepr) }
                items.remove(at: index)
            default: throw ExpressionError(.attribute, "'set' object has no attribute '\(name)'")
            }
            return .none
        default:
            throw ExpressionError(.attribute, "'\(target.pythonTypeName)' object has no attribute '\(name)'")
        }
    }
}
