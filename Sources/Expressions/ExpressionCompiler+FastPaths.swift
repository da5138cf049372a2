import Basics

/// Specialised closures for the hottest shapes: `name op name` and `name op int` with int operands
/// (`position + direction`, `steps_taken + 1`, `position <= 0`), which skip the operand closures, and
/// conditions (`loop_until`) evaluated straight to a `Bool`.
extension ExpressionCompiler {
    /// An int-only operation with a direct result; anything else (overflow, other types) goes the general way.
    enum IntOperation: Sendable {
        case add, subtract, multiply, less, lessEqual, greater, greaterEqual, equal, notEqual

        init?(_ op: BinaryOperator) {
            switch op {
            case .add: self = .add
            case .subtract: self = .subtract
            case .multiply: self = .multiply
            default: return nil
            }
        }

        init?(_ op: CompareOperator) {
            switch op {
            case .less: self = .less
            case .lessEqual: self = .lessEqual
            case .greater: self = .greater
            case .greaterEqual: self = .greaterEqual
            case .equal: self = .equal
            case .notEqual: self = .notEqual
            default: return nil
            }
        }

        var isComparison: Bool {
            switch self {
            case .add, .subtract, .multiply: return false
            default: return true
            }
        }

        /// The int result of an arithmetic operation, nil on overflow.
        @inline(__always) func arithmetic(_ a: Int, _ b: Int) -> Int? {
            switch self {
            case .add: let (r, o) = a.addingReportingOverflow(b); return o ? nil : r
            case .subtract: let (r, o) = a.subtractingReportingOverflow(b); return o ? nil : r
            case .multiply: let (r, o) = a.multipliedReportingOverflow(by: b); return o ? nil : r
            default: return nil
            }
        }

        /// The result of a comparison (false for arithmetic operations, which never ask).
        @inline(__always) func compare(_ a: Int, _ b: Int) -> Bool {
            switch self {
            case .less: return a < b
            case .lessEqual: return a <= b
            case .greater: return a > b
            case .greaterEqual: return a >= b
            case .equal: return a == b
            case .notEqual: return a != b
            default: return false
            }
        }

        @inline(__always) func apply(_ a: Int, _ b: Int) -> RuntimeValue? {
            if isComparison { return .bool(compare(a, b)) }
            return arithmetic(a, b).map { .int($0) }
        }
    }

    /// A global (non-comprehension) name's slot, for the Python dialect.
    func globalSlot(_ node: ExpressionNode) -> (slot: Int, name: String)? {
        guard dialect == .python, case .name(let n) = node.kind, localSlot(n) == nil else { return nil }
        return (names.slot(for: n), n)
    }

    /// `name op name` / `name op int-literal` for an int operation; nil when the shape does not apply.
    func fastPath(_ l: ExpressionNode, _ r: ExpressionNode, operation: IntOperation?, node: ExpressionNode,
                  general: @escaping @Sendable (RuntimeValue, RuntimeValue, Environment) throws(ExpressionError) -> RuntimeValue) -> EvaluatorBox? {
        guard let operation, let left = globalSlot(l) else { return nil }
        let offset = node.offset, length = node.length
        let lo = l.offset, ll = l.length
        let leftSlot = left.slot, leftName = left.name
        if case .literal(.int(let constant)) = r.kind {
            return EvaluatorBox { env throws(ExpressionError) in
                if case .value(.int(let a)) = env.slots[leftSlot], let result = operation.apply(a, constant) { return result }
                let x = env.slots[leftSlot]
                if case .undefined = x { throw env.nameError(leftName, offset: lo, length: ll) }
                do throws(ExpressionError) { return try general(x, .int(constant), env) } catch {
                    throw error.located(at: offset, length: length)
                }
            }
        }
        guard let right = globalSlot(r) else { return nil }
        let rightSlot = right.slot, rightName = right.name
        let ro = r.offset, rl = r.length
        return EvaluatorBox { env throws(ExpressionError) in
            if case .value(.int(let a)) = env.slots[leftSlot], case .value(.int(let b)) = env.slots[rightSlot],
               let result = operation.apply(a, b) {
                return result
            }
            let x = env.slots[leftSlot], y = env.slots[rightSlot]
            if case .undefined = x { throw env.nameError(leftName, offset: lo, length: ll) }
            if case .undefined = y { throw env.nameError(rightName, offset: ro, length: rl) }
            do throws(ExpressionError) { return try general(x, y, env) } catch {
                throw error.located(at: offset, length: length)
            }
        }
    }

    /// Compiles `node` for its truth value only (`loop_until`, rule conditions): `a or b` is
    /// `truthy(a) || truthy(b)` with the same evaluation order and short-circuit, `not a` is `!truthy(a)`,
    /// and an int comparison of a name with a name or an int literal answers without building a value.
    /// Everything else is `truthy` of the ordinary evaluator, so results and errors are the same.
    mutating func compileCondition(_ node: ExpressionNode) throws(ExpressionError) -> ConditionBox {
        switch node.kind {
        case .boolean(let isAnd, let items) where dialect == .python:
            var parts: [ConditionBox] = []
            for item in items { parts.append(try compileCondition(item)) }
            if parts.count == 2 {
                let first = parts[0].run, second = parts[1].run
                return ConditionBox { env throws(ExpressionError) in
                    // (`&&`/`||` take rethrowing autoclosures, which lose the typed error.)
                    if try first(env) != isAnd { return !isAnd }
                    return try second(env)
                }
            }
            let all = parts
            return ConditionBox { env throws(ExpressionError) in
                for part in all {
                    if try part.run(env) != isAnd { return !isAnd }
                }
                return isAnd
            }
        case .unary(.not, let operand) where dialect == .python:
            let inner = try compileCondition(operand).run
            return ConditionBox { env throws(ExpressionError) in !(try inner(env)) }
        case .compare(let first, let rest) where rest.count == 1:
            if let operation = IntOperation(rest[0].op), let left = globalSlot(first) {
                let leftSlot = left.slot
                let general = try compile(node)
                if case .literal(.int(let constant)) = rest[0].operand.kind {
                    return ConditionBox { env throws(ExpressionError) in
                        if case .value(.int(let a)) = env.slots[leftSlot] { return operation.compare(a, constant) }
                        return PythonRuntime.truthy(try general(env))
                    }
                }
                if let right = globalSlot(rest[0].operand) {
                    let rightSlot = right.slot
                    return ConditionBox { env throws(ExpressionError) in
                        if case .value(.int(let a)) = env.slots[leftSlot], case .value(.int(let b)) = env.slots[rightSlot] {
                            return operation.compare(a, b)
                        }
                        return PythonRuntime.truthy(try general(env))
                    }
                }
            }
        default:
            break
        }
        let value = try compile(node)
        return ConditionBox { env throws(ExpressionError) in PythonRuntime.truthy(try value(env)) }
    }

    /// `target + [items]` whose result is stored back into `target`: move the list out of its slot and
    /// append (amortised O(1) instead of copying the whole list). Only when the items do not mention
    /// `target`, so reading it first or last is indistinguishable.
    mutating func compileSelfAppend(_ node: ExpressionNode, target: String) throws(ExpressionError) -> EvaluatorBox? {
        guard dialect == .python, case .binary(.add, let l, let r) = node.kind, case .name(let n) = l.kind, n == target,
              case .list(let items) = r.kind, !items.contains(where: { ExpressionCompiler.mentions($0, target) }) else {
            return nil
        }
        let slot = names.slot(for: target)
        let tail = try compileAll(items)
        let general = try compile(node)
        let offset = node.offset, length = node.length
        // `path + [name]`: the element is read straight from its slot.
        if items.count == 1, let item = globalSlot(items[0]) {
            let itemSlot = item.slot, only = tail[0].run
            return EvaluatorBox { env throws(ExpressionError) in
                guard case .value(.array) = env.slots[slot] else { return try general(env) }
                let one: Value
                if case .value(let v) = env.slots[itemSlot] { one = v } else { one = try only(env).toValue() }
                if let result = try ExpressionCompiler.appendInPlace(env, slot, offset, length, { $0.append(one) }) {
                    return result
                }
                return try general(env)
            }
        }
        return EvaluatorBox { env throws(ExpressionError) in
            guard case .value(.array) = env.slots[slot] else { return try general(env) }
            var values: [Value] = []
            values.reserveCapacity(tail.count)
            for e in tail { values.append(try e.run(env).toValue()) }
            if let result = try ExpressionCompiler.appendInPlace(env, slot, offset, length, { $0.append(contentsOf: values) }) {
                return result
            }
            return try general(env)
        }
    }

    /// Moves the list out of `slot`, appends, and returns it as the result (nil when the slot holds no list).
    @inline(__always)
    static func appendInPlace(_ env: Environment, _ slot: Int, _ offset: Int, _ length: Int,
                              _ add: (inout [Value]) -> Void) throws(ExpressionError) -> RuntimeValue? {
        var taken = RuntimeValue.none
        swap(&taken, &env.slots[slot])
        guard case .value(.array(var list)) = taken else { env.slots[slot] = taken; return nil }
        taken = .none  // `list` is now the only reference, so appending does not copy
        // A list that grows by appending (a walk's path) skips the smallest doublings: 1 → 16 → 32 ...
        if list.count == list.capacity { list.reserveCapacity(max(16, list.count * 2)) }
        add(&list)
        do throws(ExpressionError) { try env.limits.checkCollection(list.count) } catch {
            env.slots[slot] = .value(.array(list))
            throw error.located(at: offset, length: length)
        }
        return .value(.array(list))
    }

    /// Whether `node` reads the name `name` anywhere (conservative: any use counts).
    static func mentions(_ node: ExpressionNode, _ name: String) -> Bool {
        switch node.kind {
        case .literal: return false
        case .name(let n): return n == name
        case .list(let items), .tuple(let items), .set(let items), .boolean(_, let items):
            return items.contains { mentions($0, name) }
        case .dict(let pairs): return pairs.contains { mentions($0.key, name) || mentions($0.value, name) }
        case .unary(_, let a): return mentions(a, name)
        case .binary(_, let a, let b), .subscript(let a, let b): return mentions(a, name) || mentions(b, name)
        case .compare(let a, let rest): return mentions(a, name) || rest.contains { mentions($0.operand, name) }
        case .conditional(let t, let b, let o): return mentions(t, name) || mentions(b, name) || (o.map { mentions($0, name) } ?? false)
        case .call(let f, let args): return mentions(f, name) || args.contains { mentions($0.value, name) }
        case .attribute(let a, _): return mentions(a, name)
        case .slice(let a, let b, let c): return [a, b, c].contains { $0.map { mentions($0, name) } ?? false }
        case .comprehension(_, let e, let v, let clauses):
            return mentions(e, name) || (v.map { mentions($0, name) } ?? false)
                || clauses.contains { c in mentions(c.iterable, name) || c.conditions.contains { mentions($0, name) } }
        case .formatted(let parts): return parts.contains { mentions($0, name) }
        case .filter(let v, _, let args), .test(let v, _, let args, _):
            return mentions(v, name) || args.contains { mentions($0.value, name) }
        }
    }

    static func mentions(_ part: FormattedPart, _ name: String) -> Bool {
        switch part {
        case .text: return false
        case .field(let e, _, let spec): return mentions(e, name) || spec.contains { mentions($0, name) }
        }
    }
}
