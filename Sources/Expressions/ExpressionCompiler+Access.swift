import Basics

/// Calls, method calls (with write-back of in-place mutations to a named variable), attributes and
/// subscripts.
extension ExpressionCompiler {
    /// Evaluated call arguments.
    struct Arguments {
        var positional: [RuntimeValue]
        var keywords: [(String, RuntimeValue)]
    }

    typealias ArgumentsEvaluator = @Sendable (Environment) throws(ExpressionError) -> Arguments

    mutating func compileArguments(_ args: [Argument]) throws(ExpressionError) -> ArgumentsEvaluator {
        struct Part: Sendable { let kind: Argument.Kind; let value: Evaluator }
        var partList: [Part] = []
        for a in args { partList.append(Part(kind: a.kind, value: try compile(a.value))) }
        let parts = partList
        return { env throws(ExpressionError) in
            var result = Arguments(positional: [], keywords: [])
            result.positional.reserveCapacity(parts.count)
            for part in parts {
                let v = try part.value(env)
                switch part.kind {
                case .positional: result.positional.append(v)
                case .keyword(let name): result.keywords.append((name, v))
                case .star: result.positional += try PythonRuntime.elements(of: v, limits: env.limits)
                case .doubleStar:
                    guard case .value(.object(let o)) = v else {
                        throw .type("argument after ** must be a mapping, not \(PythonRuntime.typeName(v))")
                    }
                    for (k, x) in o { result.keywords.append((k, .value(x))) }
                }
            }
            return result
        }
    }

    static let mutatingMethods: Set<String> = [
        "append", "extend", "insert", "pop", "remove", "sort", "reverse", "clear", "update", "setdefault", "add",
        "discard", "popitem",
    ]

    mutating func compileCall(_ callee: ExpressionNode, _ args: [Argument], node: ExpressionNode) throws(ExpressionError) -> Evaluator {
        let offset = node.offset, length = node.length
        if case .attribute(let receiverNode, let method) = callee.kind {
            let receiver = try compile(receiverNode)
            // `random.choice([constants])`: the hottest call of stochastic pipelines; no argument closure, no
            // array retain, and the receiver read straight from its slot.
            if method == "choice", args.count == 1, args[0].kind == .positional, let (slot, _) = globalSlot(receiverNode),
               case .list(let items) = args[0].value.kind, let constant = ExpressionCompiler.constantItems(items), !constant.isEmpty {
                let constantList = RuntimeValue.value(.array(constant))
                return { env throws(ExpressionError) in
                    if case .random = env.slots[slot] {
                        return .value(constant[try env.randomBelow(constant.count)])
                    }
                    do throws(ExpressionError) {
                        return try MethodCalls.call(try receiver(env), method, Arguments(positional: [constantList], keywords: []), env)
                    } catch {
                        throw error.located(at: offset, length: length)
                    }
                }
            }
            if method == "choice", args.count == 1, args[0].kind == .positional {
                let arg = try compile(args[0].value)
                return { env throws(ExpressionError) in
                    let r = try receiver(env)
                    if case .random = r {
                        do throws(ExpressionError) { return try RandomMethods.choice(try env.rng(), try arg(env)) } catch {
                            throw error.located(at: offset, length: length)
                        }
                    }
                    do throws(ExpressionError) { return try MethodCalls.call(r, method, Arguments(positional: [try arg(env)], keywords: []), env) } catch {
                        throw error.located(at: offset, length: length)
                    }
                }
            }
            let argsEval = try compileArguments(args)
            // In-place mutation of a named variable: x.append(...), random.shuffle(x).
            var slotFound: Int?
            if method == "shuffle", let first = args.first, case .name(let n) = first.value.kind {
                slotFound = localSlot(n) ?? names.slot(for: n)
                if localSlot(n) == nil { names.markMutated(n) }
            } else if ExpressionCompiler.mutatingMethods.contains(method), case .name(let n) = receiverNode.kind {
                slotFound = localSlot(n) ?? names.slot(for: n)
                if localSlot(n) == nil { names.markMutated(n) }
            }
            let targetSlot = slotFound
            let isShuffle = method == "shuffle"
            // Mutating an element in place (`d['k'].append(1)`) would change `d` in CPython; we cannot write
            // that back, so it is an error rather than a silently different value.
            let nestedReceiver: Bool = {
                switch receiverNode.kind {
                case .subscript, .attribute: return true
                default: return false
                }
            }()
            return { env throws(ExpressionError) in
                let r = try receiver(env)
                var a = try argsEval(env)
                do throws(ExpressionError) {
                    if let slot = targetSlot {
                        if isShuffle, case .random = r {
                            guard case .value(var target) = env.slots[slot] else { throw .type("cannot shuffle this value") }
                            env.slots[slot] = .none
                            defer { env.slots[slot] = .value(target) }
                            try RandomMethods.shuffle(try env.rng(), &target)
                            return .none
                        }
                        if !isShuffle, case .value(var target) = r {
                            let result = try MethodCalls.callMutating(&target, method, a, env)
                            env.slots[slot] = .value(target)
                            return result
                        }
                    }
                    if case .value(var target) = r, ExpressionCompiler.mutatingMethods.contains(method),
                       MethodCalls.isMutating(target, method) {
                        if nestedReceiver {
                            throw ExpressionError(.notSupported, "in-place \(method)() on an element of another object is not supported; build a new value instead")
                        }
                        return try MethodCalls.callMutating(&target, method, a, env)
                    }
                    if isShuffle, case .random = r, !a.positional.isEmpty, case .value(var copy) = a.positional[0] {
                        try RandomMethods.shuffle(try env.rng(), &copy)
                        a.positional[0] = .value(copy)
                        return .none
                    }
                    return try MethodCalls.call(r, method, a, env)
                } catch {
                    throw error.located(at: offset, length: length)
                }
            }
        }
        // any(gen)/all(gen): lazy, short-circuiting, as with CPython's generator (when not shadowed).
        if args.count == 1, args[0].kind == .positional, let (slot, name) = globalSlot(callee), name == "any" || name == "all",
           case .comprehension(.generator, let element, nil, let clauses) = args[0].value.kind {
            let builtin: Builtin = name == "any" ? .any : .all
            let lazy = try compileComprehension(.generator, element, nil, clauses, node: args[0].value,
                                                shortCircuit: name == "any")
            let function = try compile(callee)
            let argsEval = try compileArguments(args)
            return { env throws(ExpressionError) in
                if case .builtin(let b) = env.slots[slot], b == builtin { return try lazy(env) }
                let f = try function(env)
                let a = try argsEval(env)
                do throws(ExpressionError) { return try ExpressionCompiler.invoke(f, a, env) } catch {
                    throw error.located(at: offset, length: length)
                }
            }
        }
        let function = try compile(callee)
        let argsEval = try compileArguments(args)
        return { env throws(ExpressionError) in
            let f = try function(env)
            let a = try argsEval(env)
            do throws(ExpressionError) { return try ExpressionCompiler.invoke(f, a, env) } catch { throw error.located(at: offset, length: length) }
        }
    }

    static func invoke(_ f: RuntimeValue, _ a: Arguments, _ env: Environment) throws(ExpressionError) -> RuntimeValue {
        switch f {
        case .builtin(let b): return try Builtins.call(b, a, env)
        case .boundMethod(.builtin(let type), let name):
            // An unbound method such as `str.lower`: the first argument is the receiver.
            guard let first = a.positional.first else { throw .type("unbound method \(type.rawValue).\(name)() needs an argument") }
            return try invoke(.boundMethod(receiver: first, name: name),
                              Arguments(positional: Array(a.positional.dropFirst()), keywords: a.keywords), env)
        case .boundMethod(let receiver, let name):
            if case .value(var target) = receiver, mutatingMethods.contains(name), MethodCalls.isMutating(target, name) {
                return try MethodCalls.callMutating(&target, name, a, env)
            }
            return try MethodCalls.call(receiver, name, a, env)
        default: throw .type("'\(PythonRuntime.typeName(f))' object is not callable")
        }
    }

    mutating func compileAttribute(_ objectNode: ExpressionNode, _ name: String, node: ExpressionNode,
                                   allowUndefined: Bool) throws(ExpressionError) -> Evaluator {
        let object = try compile(objectNode)
        let offset = node.offset, length = node.length
        let jinja = dialect == .jinja
        return { env throws(ExpressionError) in
            let o = try object(env)
            if jinja {
                if case .undefined(let n) = o { throw ExpressionError(.undefined, "'\(n)' is undefined", offset: offset, length: length) }
                if MethodCalls.hasMethod(o, name) { return .boundMethod(receiver: o, name: name) }
                if case .value(.object(let d)) = o, let v = d[name] { return .value(v) }
                if allowUndefined { return .undefined(name) }
                throw ExpressionError(.undefined, "\(PythonRuntime.repr(o).prefix(80)) has no attribute '\(name)'",
                                      offset: offset, length: length)
            }
            if MethodCalls.hasMethod(o, name) { return .boundMethod(receiver: o, name: name) }
            throw ExpressionError(.attribute, "'\(PythonRuntime.typeName(o))' object has no attribute '\(name)'",
                                  offset: offset, length: length)
        }
    }

    mutating func compileSubscript(_ objectNode: ExpressionNode, _ index: ExpressionNode, node: ExpressionNode,
                                   allowUndefined: Bool) throws(ExpressionError) -> Evaluator {
        let object = try compile(objectNode)
        let offset = node.offset, length = node.length
        if case .slice(let lo, let hi, let st) = index.kind {
            var partList: [EvaluatorBox?] = []
            for bound in [lo, hi, st] {
                if let bound { partList.append(EvaluatorBox(run: try compile(bound))) } else { partList.append(nil) }
            }
            let parts = partList
            return { env throws(ExpressionError) in
                let o = try object(env)
                var bounds: [Int?] = []
                for p in parts {
                    guard let p else { bounds.append(nil); continue }
                    switch try p.run(env) {
                    case .value(.null): bounds.append(nil)
                    case .value(.int(let i)): bounds.append(i)
                    case .value(.bool(let b)): bounds.append(b ? 1 : 0)
                    default:
                        throw ExpressionError(.type, "slice indices must be integers or None or have an __index__ method",
                                              offset: offset, length: length)
                    }
                }
                do throws(ExpressionError) { return try PythonRuntime.getSlice(o, bounds[0], bounds[1], bounds[2]) } catch {
                    throw error.located(at: offset, length: length)
                }
            }
        }
        let key = try compile(index)
        let jinja = dialect == .jinja
        return { env throws(ExpressionError) in
            let o = try object(env), k = try key(env)
            do throws(ExpressionError) {
                return try PythonRuntime.getItem(o, k)
            } catch {
                if jinja, error.kind == .key || error.kind == .index || error.kind == .type {
                    if case .value(.string(let name)) = k, MethodCalls.hasMethod(o, name) {
                        return .boundMethod(receiver: o, name: name)
                    }
                    if allowUndefined { return .undefined(PythonRuntime.str(k)) }
                    throw ExpressionError(.undefined, "\(PythonRuntime.repr(o).prefix(80)) has no element \(PythonRuntime.repr(k))",
                                          offset: offset, length: length)
                }
                throw error.located(at: offset, length: length)
            }
        }
    }
}
