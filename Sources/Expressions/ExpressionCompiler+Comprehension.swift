import Basics

/// Comprehensions (list, set, dict and generator — generators are evaluated eagerly into a list), f-strings
/// and the Jinja filter/test nodes.
extension ExpressionCompiler {
    /// A compiled `for` clause: iterable, target slot assignment and conditions.
    struct Clause {
        var iterable: Evaluator
        var target: CompiledTarget
        var conditions: [EvaluatorBox]
    }

    /// A comprehension target resolved to hidden slots; unpacking checks the element count like Python.
    indirect enum CompiledTarget: Sendable {
        case slot(Int)
        case unpack([CompiledTarget])

        func assign(_ v: RuntimeValue, _ env: Environment) throws(ExpressionError) {
            switch self {
            case .slot(let s): env.slots[s] = v
            case .unpack(let targets):
                let items = try PythonRuntime.elements(of: v, limits: env.limits)
                guard items.count == targets.count else {
                    if items.count > targets.count { throw .value("too many values to unpack (expected \(targets.count))") }
                    throw .value("not enough values to unpack (expected \(targets.count), got \(items.count))")
                }
                for (t, item) in zip(targets, items) { try t.assign(item, env) }
            }
        }
    }

    mutating func bindTarget(_ target: AssignmentTarget, into scope: inout [String: Int]) -> CompiledTarget {
        switch target {
        case .name(let n, _):
            let slot = names.slot(for: "for#\(ExpressionCompiler.nextHiddenID()):\(n)")
            scope[n] = slot
            return .slot(slot)
        case .unpack(let items, _):
            return .unpack(items.map { bindTarget($0, into: &scope) })
        }
    }

    /// `shortCircuit`: for `any(gen)` (true) / `all(gen)` (false), stop at the first element whose truthiness
    /// equals it and return the bool, as CPython's lazy generator would.
    mutating func compileComprehension(_ kind: ComprehensionKind, _ element: ExpressionNode, _ value: ExpressionNode?,
                                       _ clauses: [ComprehensionClause], node: ExpressionNode,
                                       shortCircuit: Bool? = nil) throws(ExpressionError) -> Evaluator {
        if kind == .generator && names.scope == .validation {
            throw ExpressionError(.notSupported, "generator expressions are not supported in validation rules",
                                  offset: node.offset, length: node.length)
        }
        var compiled: [Clause] = []
        let depthBefore = scopes.count
        for clause in clauses {
            // The first iterable is evaluated in the enclosing scope; later ones see earlier targets.
            // `for x in {constants}` iterates CPython's folded frozenset directly.
            var iterable: Evaluator
            if case .set(let items) = clause.iterable.kind, let constant = ExpressionCompiler.constantItems(items) {
                let frozen = RuntimeValue.value(.set(CPythonSetOrder.constantOrdered(
                    try HashKey.uniqueInInsertionOrder(constant), asDisplay: false)))
                iterable = { _ in frozen }
            } else {
                iterable = try compile(clause.iterable)
            }
            var scope: [String: Int] = [:]
            let target = bindTarget(clause.target, into: &scope)
            scopes.append(scope)
            var conditions: [EvaluatorBox] = []
            for c in clause.conditions { conditions.append(EvaluatorBox(run: try compile(c))) }
            compiled.append(Clause(iterable: iterable, target: target, conditions: conditions))
        }
        let elementEval = try compile(element)
        var valueBox: EvaluatorBox?
        if let value { valueBox = EvaluatorBox(run: try compile(value)) }
        let valueEval = valueBox
        scopes.removeLast(scopes.count - depthBefore)
        let clausesFinal = compiled
        let offset = node.offset, length = node.length
        return { env throws(ExpressionError) in
            var items: [Value] = []
            var object = ValueObject()
            var stopped = false
            func run(_ index: Int) throws(ExpressionError) {
                if stopped { return }
                if index == clausesFinal.count {
                    let e = try elementEval(env)
                    if let shortCircuit {
                        if PythonRuntime.truthy(e) == shortCircuit { stopped = true }
                        return
                    }
                    if let valueEval {
                        object[try ExpressionCompiler.dictKey(e)] = try valueEval.run(env).toValue()
                    } else {
                        items.append(try e.toValue())
                        try env.limits.checkCollection(items.count)
                    }
                    return
                }
                let clause = clausesFinal[index]
                let source = try clause.iterable(env)
                try forEachElement(source, env) { (item: RuntimeValue) throws(ExpressionError) in
                    if stopped { return }
                    try env.step()
                    try clause.target.assign(item, env)
                    for c in clause.conditions where !PythonRuntime.truthy(try c.run(env)) { return }
                    try run(index + 1)
                }
            }
            do throws(ExpressionError) { try run(0) } catch { throw error.located(at: offset, length: length) }
            if let shortCircuit { return .bool(stopped == shortCircuit) }
            switch kind {
            case .list, .generator: return .value(.array(items))
            case .set: return .value(.set(try HashKey.unique(items)))
            case .dict: return .value(.object(object))
            }
        }
    }

    mutating func compileFormatted(_ parts: [FormattedPart], node: ExpressionNode) throws(ExpressionError) -> Evaluator {
        enum Piece { case text(String), field(Evaluator, Character?, EvaluatorBox?) }
        var pieces: [Piece] = []
        for part in parts {
            switch part {
            case .text(let s): pieces.append(.text(s))
            case .field(let expr, let conversion, let spec):
                let e = try compile(expr)
                let s: EvaluatorBox? = spec.isEmpty ? nil : EvaluatorBox(run: try compileFormatted(spec, node: node))
                pieces.append(.field(e, conversion, s))
            }
        }
        let final = pieces
        return { env throws(ExpressionError) in
            var out = ""
            for piece in final {
                switch piece {
                case .text(let s): out += s
                case .field(let e, let conversion, let specEval):
                    var v = try e(env)
                    try env.limits.checkText(of: v)
                    switch conversion {
                    case "r": v = .value(.string(PythonRuntime.repr(v)))
                    case "s": v = .value(.string(PythonRuntime.str(v)))
                    case "a": v = .value(.string(PythonRuntime.ascii(v)))
                    default: break
                    }
                    var spec = ""
                    if let specEval { spec = PythonRuntime.str(try specEval.run(env)) }
                    out += try FormatSpec.format(v, spec: spec)
                }
            }
            try env.limits.checkString(out.utf8.count)
            return .value(.string(out))
        }
    }

    mutating func compileFilter(_ valueNode: ExpressionNode, _ name: String, _ args: [Argument],
                                node: ExpressionNode) throws(ExpressionError) -> Evaluator {
        let value = try compile(valueNode, allowUndefined: name == "default" || name == "d")
        let argsEval = try compileArguments(args)
        let offset = node.offset, length = node.length
        return { env throws(ExpressionError) in
            let v = try value(env), a = try argsEval(env)
            guard let provider = env.provider else {
                throw ExpressionError(.notSupported, "no filter provider for filter '\(name)'", offset: offset, length: length)
            }
            do {
                return try provider.applyFilter(name: name, value: v, args: a.positional, kwargs: a.keywords, environment: env)
            } catch let error as ExpressionError {
                throw error.located(at: offset, length: length)
            } catch {
                throw ExpressionError(.value, "\(error)", offset: offset, length: length)
            }
        }
    }

    mutating func compileTest(_ valueNode: ExpressionNode, _ name: String, _ args: [Argument], negated: Bool,
                              node: ExpressionNode) throws(ExpressionError) -> Evaluator {
        let value = try compile(valueNode, allowUndefined: name == "defined" || name == "undefined")
        let argsEval = try compileArguments(args)
        let offset = node.offset, length = node.length
        return { env throws(ExpressionError) in
            let v = try value(env), a = try argsEval(env)
            guard let provider = env.provider else {
                throw ExpressionError(.notSupported, "no test provider for test '\(name)'", offset: offset, length: length)
            }
            do {
                let r = try provider.applyTest(name: name, value: v, args: a.positional, kwargs: a.keywords, environment: env)
                return .bool(r != negated)
            } catch let error as ExpressionError {
                throw error.located(at: offset, length: length)
            } catch {
                throw ExpressionError(.value, "\(error)", offset: offset, length: length)
            }
        }
    }
}

/// Calls `body` for each element of an iterable without materialising ranges.
func forEachElement(_ source: RuntimeValue, _ env: Environment,
                    _ body: (RuntimeValue) throws(ExpressionError) -> Void) throws(ExpressionError) {
    if case .range(let a, let b, let c) = source {
        var x = a
        for _ in 0..<rangeLength(a, b, c) {
            try body(.int(x))
            x &+= c
        }
        return
    }
    if case .value(let v) = source {
        switch v {
        case .array(let items), .tuple(let items), .set(let items):
            for item in items { try body(.value(item)) }
            return
        default: break
        }
    }
    for item in try PythonRuntime.elements(of: source, limits: env.limits) { try body(item) }
}

/// What the Templates module supplies to evaluate Jinja filters and tests. It sees `.undefined` operands
/// for the `default`/`d` filters and the `defined`/`undefined` tests.
public protocol FilterTestProvider: AnyObject {
    func applyFilter(name: String, value: RuntimeValue, args: [RuntimeValue], kwargs: [(String, RuntimeValue)],
                     environment: Environment) throws -> RuntimeValue
    func applyTest(name: String, value: RuntimeValue, args: [RuntimeValue], kwargs: [(String, RuntimeValue)],
                   environment: Environment) throws -> Bool
}
