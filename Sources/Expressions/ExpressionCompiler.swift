import Basics

/// A compiled expression node: a closure over the environment.
typealias Evaluator = @Sendable (Environment) throws(ExpressionError) -> RuntimeValue

/// An evaluator wrapped in a struct. Arrays and optionals of bare closures store them at generic
/// abstraction, so every call would go through a reabstraction thunk; inside a struct they do not.
struct EvaluatorBox: Sendable {
    let run: Evaluator
}

/// A compiled expression evaluated for its Python truth value only.
typealias Condition = @Sendable (Environment) throws(ExpressionError) -> Bool

/// A condition wrapped in a struct (no reabstraction thunk per call, as `EvaluatorBox`).
struct ConditionBox: Sendable {
    let run: Condition
}

/// Turns an `ExpressionNode` tree into nested closures with names resolved to slots, constant displays
/// folded, and fast paths for int arithmetic/comparison and the unit's random generator.
///
/// Invariants: every runtime error is positioned at the node that raised it; comprehension variables live
/// in hidden slots, so they never leak into (or clobber) the enclosing names.
struct ExpressionCompiler {
    let names: NameTable
    let dialect: ExpressionDialect
    var scopes: [[String: Int]] = []
    var nesting = 0
    private static let hiddenCounter = HiddenCounter()

    init(names: NameTable, dialect: ExpressionDialect) {
        self.names = names
        self.dialect = dialect
    }

    /// Wraps an evaluator so errors without a position get this node's.
    static func located(_ node: ExpressionNode, _ body: @escaping Evaluator) -> Evaluator {
        let offset = node.offset, length = node.length
        return { env throws(ExpressionError) in
            do throws(ExpressionError) { return try body(env) } catch { throw error.located(at: offset, length: length) }
        }
    }

    func localSlot(_ name: String) -> Int? {
        for scope in scopes.reversed() { if let s = scope[name] { return s } }
        return nil
    }

    /// Maximum nesting of compiled nodes; evaluation recursion mirrors it, so this bounds the stack.
    static let maxNesting = 200

    mutating func compile(_ node: ExpressionNode, allowUndefined: Bool = false) throws(ExpressionError) -> Evaluator {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > ExpressionCompiler.maxNesting {
            throw ExpressionError(.limit, "expression nested too deeply (more than \(ExpressionCompiler.maxNesting) levels)",
                                  offset: node.offset, length: node.length)
        }
        return try compileNode(node, allowUndefined: allowUndefined)
    }

    mutating func compileNode(_ node: ExpressionNode, allowUndefined: Bool) throws(ExpressionError) -> Evaluator {
        switch node.kind {
        case .literal(let v):
            let r = RuntimeValue.value(v)
            return { _ in r }
        case .name(let name):
            return compileName(name, node: node, allowUndefined: allowUndefined)
        case .list(let items):
            if let constant = ExpressionCompiler.constantItems(items) { let r = RuntimeValue.value(.array(constant)); return { _ in r } }
            let evals = try compileAll(items)
            return ExpressionCompiler.located(node) { env throws(ExpressionError) in
                var out: [Value] = []
                out.reserveCapacity(evals.count)
                for e in evals { out.append(try e.run(env).toValue()) }
                return .value(.array(out))
            }
        case .tuple(let items):
            if let constant = ExpressionCompiler.constantItems(items) { let r = RuntimeValue.value(.tuple(constant)); return { _ in r } }
            let evals = try compileAll(items)
            return ExpressionCompiler.located(node) { env throws(ExpressionError) in
                var out: [Value] = []
                for e in evals { out.append(try e.run(env).toValue()) }
                return .value(.tuple(out))
            }
        case .set(let items):
            if let constant = ExpressionCompiler.constantItems(items) {
                // CPython folds constant displays to frozensets, which fixes their iteration order.
                let unique = try HashKey.uniqueInInsertionOrder(constant)
                let r = RuntimeValue.value(.set(CPythonSetOrder.constantOrdered(unique, asDisplay: true)))
                return { _ in r }
            }
            let evals = try compileAll(items)
            return ExpressionCompiler.located(node) { env throws(ExpressionError) in
                var out: [Value] = []
                for e in evals { out.append(try e.run(env).toValue()) }
                return .value(.set(try HashKey.unique(out)))
            }
        case .dict(let pairs):
            return try compileDict(pairs, node: node)
        case .unary(let op, let operand):
            let e = try compile(operand)
            if op == .not { return { env throws(ExpressionError) in .bool(!PythonRuntime.truthy(try e(env))) } }
            return ExpressionCompiler.located(node) { env throws(ExpressionError) in try PythonRuntime.unary(op, try e(env)) }
        case .binary(let op, let l, let r):
            return try compileBinary(op, l, r, node: node)
        case .boolean(let isAnd, let items):
            let evals = try compileAll(items)
            if items.count == 2 {
                let first = try compile(items[0]), second = try compile(items[1])
                return { env throws(ExpressionError) in
                    let a = try first(env)
                    return PythonRuntime.truthy(a) != isAnd ? a : try second(env)
                }
            }
            return { env throws(ExpressionError) in
                var last = RuntimeValue.none
                for e in evals {
                    last = try e.run(env)
                    if PythonRuntime.truthy(last) != isAnd { return last }
                }
                return last
            }
        case .compare(let first, let rest):
            return try compileCompare(first, rest, node: node)
        case .conditional(let test, let body, let orElse):
            let t = try compile(test), b = try compile(body)
            var orElseEval: Evaluator = { _ in .undefined("conditional expression") }
            if let orElse { orElseEval = try compile(orElse) }
            let o = orElseEval
            return { env throws(ExpressionError) in PythonRuntime.truthy(try t(env)) ? try b(env) : try o(env) }
        case .call(let callee, let args):
            return try compileCall(callee, args, node: node)
        case .attribute(let object, let name):
            return try compileAttribute(object, name, node: node, allowUndefined: allowUndefined)
        case .subscript(let object, let index):
            return try compileSubscript(object, index, node: node, allowUndefined: allowUndefined)
        case .slice:
            throw ExpressionError(.syntax, "slice outside of a subscript", offset: node.offset)
        case .comprehension(let kind, let element, let value, let clauses):
            return try compileComprehension(kind, element, value, clauses, node: node)
        case .formatted(let parts):
            return try compileFormatted(parts, node: node)
        case .filter(let value, let name, let args):
            return try compileFilter(value, name, args, node: node)
        case .test(let value, let name, let args, let negated):
            return try compileTest(value, name, args, negated: negated, node: node)
        }
    }

    mutating func compileAll(_ nodes: [ExpressionNode]) throws(ExpressionError) -> [EvaluatorBox] {
        var out: [EvaluatorBox] = []
        for n in nodes { out.append(EvaluatorBox(run: try compile(n))) }
        return out
    }

    static func constantItems(_ items: [ExpressionNode]) -> [Value]? {
        var out: [Value] = []
        for item in items {
            guard case .literal(let v) = item.kind else { return nil }
            out.append(v)
        }
        return out
    }

    func compileName(_ name: String, node: ExpressionNode, allowUndefined: Bool) -> Evaluator {
        let offset = node.offset, length = node.length
        if let local = localSlot(name) {
            return { env in env.slots[local] }
        }
        let slot = names.slot(for: name)
        if allowUndefined && dialect == .jinja {
            return { env in env.slots[slot] }
        }
        if dialect == .jinja {
            return { env throws(ExpressionError) in
                let v = env.slots[slot]
                if case .undefined = v {
                    var e = env.nameError(name, offset: offset, length: length)
                    e.kind = .undefined
                    e.message = "'\(name)' is undefined"
                    throw e
                }
                return v
            }
        }
        return { env throws(ExpressionError) in
            let v = env.slots[slot]
            if case .undefined = v { throw env.nameError(name, offset: offset, length: length) }
            return v
        }
    }

    mutating func compileDict(_ pairs: [(key: ExpressionNode, value: ExpressionNode)], node: ExpressionNode) throws(ExpressionError) -> Evaluator {
        var constant = ValueObject(minimumCapacity: pairs.count)
        var allConstant = true
        for (k, v) in pairs {
            if case .literal(.string(let key)) = k.kind, case .literal(let value) = v.kind { constant[key] = value } else { allConstant = false }
        }
        if allConstant { let r = RuntimeValue.value(.object(constant)); return { _ in r } }
        var keyList: [EvaluatorBox] = [], valueList: [EvaluatorBox] = []
        for (k, v) in pairs {
            keyList.append(EvaluatorBox(run: try compile(k)))
            valueList.append(EvaluatorBox(run: try compile(v)))
        }
        let keys = keyList, values = valueList
        return ExpressionCompiler.located(node) { env throws(ExpressionError) in
            var object = ValueObject(minimumCapacity: keys.count)
            for i in keys.indices {
                let key = try keys[i].run(env)
                object[try ExpressionCompiler.dictKey(key)] = try values[i].run(env).toValue()
            }
            return .value(.object(object))
        }
    }

    static func dictKey(_ key: RuntimeValue) throws(ExpressionError) -> String {
        guard case .value(let k) = key else { throw .type("unhashable type: '\(PythonRuntime.typeName(key))'") }
        if case .string(let s) = k { return s }
        _ = try HashKey(k)
        throw ExpressionError(.notSupported, "dict keys other than str are not supported (key \(k.pythonRepr))")
    }

    mutating func compileBinary(_ op: BinaryOperator, _ l: ExpressionNode, _ r: ExpressionNode,
                                node: ExpressionNode) throws(ExpressionError) -> Evaluator {
        let offset = node.offset, length = node.length
        if op == .add, case .list(let items) = r.kind, ExpressionCompiler.constantItems(items) == nil {
            // `xs + [a, b]`: append into one new buffer instead of building the right list first.
            let a = try compile(l), tail = try compileAll(items)
            return { env throws(ExpressionError) in
                let x = try a(env)
                guard case .value(.array(let head)) = x else {
                    var right: [Value] = []
                    for e in tail { right.append(try e.run(env).toValue()) }
                    do throws(ExpressionError) { return try PythonRuntime.binary(op, x, .value(.array(right)), limits: env.limits) } catch {
                        throw error.located(at: offset, length: length)
                    }
                }
                var out: [Value] = []
                out.reserveCapacity(head.count + tail.count)
                out.append(contentsOf: head)
                for e in tail { out.append(try e.run(env).toValue()) }
                do throws(ExpressionError) { try env.limits.checkCollection(out.count) } catch { throw error.located(at: offset, length: length) }
                return .value(.array(out))
            }
        }
        if let fast = fastPath(l, r, operation: IntOperation(op), node: node, general: { x, y, env throws(ExpressionError) in
            try PythonRuntime.binary(op, x, y, limits: env.limits)
        }) {
            return fast.run
        }
        let a = try compile(l), b = try compile(r)
        switch op {
        case .add:
            return { env throws(ExpressionError) in
                let x = try a(env), y = try b(env)
                if case .value(.int(let i)) = x, case .value(.int(let j)) = y {
                    let (s, o) = i.addingReportingOverflow(j)
                    if !o { return .int(s) }
                }
                do throws(ExpressionError) { return try PythonRuntime.binary(op, x, y, limits: env.limits) } catch { throw error.located(at: offset, length: length) }
            }
        case .subtract:
            return { env throws(ExpressionError) in
                let x = try a(env), y = try b(env)
                if case .value(.int(let i)) = x, case .value(.int(let j)) = y {
                    let (s, o) = i.subtractingReportingOverflow(j)
                    if !o { return .int(s) }
                }
                do throws(ExpressionError) { return try PythonRuntime.binary(op, x, y, limits: env.limits) } catch { throw error.located(at: offset, length: length) }
            }
        default:
            return { env throws(ExpressionError) in
                let x = try a(env), y = try b(env)
                do throws(ExpressionError) { return try PythonRuntime.binary(op, x, y, limits: env.limits) } catch { throw error.located(at: offset, length: length) }
            }
        }
    }

    mutating func compileCompare(_ first: ExpressionNode, _ rest: [(op: CompareOperator, operand: ExpressionNode)],
                                 node: ExpressionNode) throws(ExpressionError) -> Evaluator {
        if rest.count == 1, let fast = fastPath(first, rest[0].operand, operation: IntOperation(rest[0].op), node: node,
                                                general: { [op = rest[0].op] x, y, _ throws(ExpressionError) in
            .bool(try ExpressionCompiler.compare(op, x, y))
        }) {
            return fast.run
        }
        let head = try compile(first)
        var opList: [CompareOperator] = [], operandList: [EvaluatorBox] = []
        for (op, operand) in rest {
            opList.append(op)
            operandList.append(EvaluatorBox(run: try compile(operand)))
        }
        let ops = opList, operands = operandList
        let offset = node.offset, length = node.length
        if ops.count == 1 {
            let op = ops[0], right = operands[0].run
            return { env throws(ExpressionError) in
                let x = try head(env), y = try right(env)
                if case .value(.int(let i)) = x, case .value(.int(let j)) = y {
                    switch op {
                    case .lessEqual: return .bool(i <= j)
                    case .greaterEqual: return .bool(i >= j)
                    case .less: return .bool(i < j)
                    case .greater: return .bool(i > j)
                    case .equal: return .bool(i == j)
                    case .notEqual: return .bool(i != j)
                    default: break
                    }
                }
                do throws(ExpressionError) { return .bool(try ExpressionCompiler.compare(op, x, y)) } catch { throw error.located(at: offset, length: length) }
            }
        }
        return { env throws(ExpressionError) in
            var left = try head(env)
            for i in ops.indices {
                let right = try operands[i].run(env)
                let ok: Bool
                do throws(ExpressionError) { ok = try ExpressionCompiler.compare(ops[i], left, right) } catch { throw error.located(at: offset, length: length) }
                if !ok { return .false }
                left = right
            }
            return .true
        }
    }

    static func compare(_ op: CompareOperator, _ x: RuntimeValue, _ y: RuntimeValue) throws(ExpressionError) -> Bool {
        switch op {
        case .equal: return PythonRuntime.equals(x, y)
        case .notEqual: return !PythonRuntime.equals(x, y)
        case .isIn: return try PythonRuntime.contains(y, x)
        case .notIn: return try !PythonRuntime.contains(y, x)
        case .isSame: return try PythonRuntime.isSame(x, y)
        case .isNotSame: return try !PythonRuntime.isSame(x, y)
        default: return try PythonRuntime.ordered(op, x, y)
        }
    }
}

/// Source of unique hidden-slot names for comprehension variables.
final class HiddenCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLockish()
    func next() -> Int { lock.withLock { value += 1; return value } }
}

extension ExpressionCompiler {
    static func nextHiddenID() -> Int { hiddenCounter.next() }
}

extension Environment {
    func nameError(_ name: String, offset: Int, length: Int) -> ExpressionError {
        let available = Array(Set(contextNames)).sorted()
        let suggestion = EditDistance.suggestion(for: name, from: available)
        var message = "name '\(name)' is not defined"
        if let suggestion { message += ". Did you mean: '\(suggestion)'?" }
        return ExpressionError(.name, message, offset: offset, length: length, availableNames: available,
                               suggestion: suggestion)
    }
}
