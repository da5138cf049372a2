import Basics

/// Specialised closures for the hottest shapes: `name op name` and `name op int` with int operands
/// (`position + direction`, `steps_taken + 1`, `position <= 0`), which skip the operand closures.
extension ExpressionCompiler {
    /// An int kernel: the result for two ints, or nil to fall back to the general path (overflow).
    /// Boxed so the closure is called without a reabstraction thunk.
    struct IntKernel: Sendable {
        let run: @Sendable (Int, Int) -> RuntimeValue?
        init(_ run: @escaping @Sendable (Int, Int) -> RuntimeValue?) { self.run = run }
    }

    static func intKernel(binary op: BinaryOperator) -> IntKernel? {
        switch op {
        case .add: return IntKernel { a, b in let (r, o) = a.addingReportingOverflow(b); return o ? nil : .int(r) }
        case .subtract: return IntKernel { a, b in let (r, o) = a.subtractingReportingOverflow(b); return o ? nil : .int(r) }
        case .multiply: return IntKernel { a, b in let (r, o) = a.multipliedReportingOverflow(by: b); return o ? nil : .int(r) }
        default: return nil
        }
    }

    static func intKernel(compare op: CompareOperator) -> IntKernel? {
        switch op {
        case .less: return IntKernel { a, b in .bool(a < b) }
        case .lessEqual: return IntKernel { a, b in .bool(a <= b) }
        case .greater: return IntKernel { a, b in .bool(a > b) }
        case .greaterEqual: return IntKernel { a, b in .bool(a >= b) }
        case .equal: return IntKernel { a, b in .bool(a == b) }
        case .notEqual: return IntKernel { a, b in .bool(a != b) }
        default: return nil
        }
    }

    /// A global (non-comprehension) name's slot, for the Python dialect.
    func globalSlot(_ node: ExpressionNode) -> (slot: Int, name: String)? {
        guard dialect == .python, case .name(let n) = node.kind, localSlot(n) == nil else { return nil }
        return (names.slot(for: n), n)
    }

    /// `name op name` / `name op int-literal` with an int kernel; nil when the shape does not apply.
    func fastPath(_ l: ExpressionNode, _ r: ExpressionNode, kernel: IntKernel?, node: ExpressionNode,
                  general: @escaping @Sendable (RuntimeValue, RuntimeValue, Environment) throws(ExpressionError) -> RuntimeValue) -> EvaluatorBox? {
        guard let kernelBox = kernel, let left = globalSlot(l) else { return nil }
        let kernel = kernelBox.run
        let offset = node.offset, length = node.length
        let lo = l.offset, ll = l.length
        let leftSlot = left.slot, leftName = left.name
        if case .literal(.int(let constant)) = r.kind {
            return EvaluatorBox { env throws(ExpressionError) in
                let x = env.slots[leftSlot]
                if case .value(.int(let a)) = x, let result = kernel(a, constant) { return result }
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
            let x = env.slots[leftSlot], y = env.slots[rightSlot]
            if case .value(.int(let a)) = x, case .value(.int(let b)) = y, let result = kernel(a, b) { return result }
            if case .undefined = x { throw env.nameError(leftName, offset: lo, length: ll) }
            if case .undefined = y { throw env.nameError(rightName, offset: ro, length: rl) }
            do throws(ExpressionError) { return try general(x, y, env) } catch {
                throw error.located(at: offset, length: length)
            }
        }
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
        let single = tail.first?.run
        let isSingle = tail.count == 1
        let only: Evaluator = single ?? { _ in .none }
        return EvaluatorBox { env throws(ExpressionError) in
            guard case .value(.array) = env.slots[slot] else { return try general(env) }
            var one = Value.null
            var values: [Value] = []
            if isSingle {
                one = try only(env).toValue()
            } else {
                values.reserveCapacity(tail.count)
                for e in tail { values.append(try e.run(env).toValue()) }
            }
            var taken = RuntimeValue.none
            swap(&taken, &env.slots[slot])
            guard case .value(.array(var list)) = taken else { env.slots[slot] = taken; return try general(env) }
            taken = .none  // `list` is now the only reference, so appending does not copy
            if isSingle { list.append(one) } else { list.append(contentsOf: values) }
            do throws(ExpressionError) { try env.limits.checkCollection(list.count) } catch {
                env.slots[slot] = .value(.array(list))
                throw error.located(at: node.offset, length: node.length)
            }
            return .value(.array(list))
        }
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
