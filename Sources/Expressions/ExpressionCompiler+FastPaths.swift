import Basics

/// Specialised closures for the hottest shapes: `name op name` and `name op int` with int operands
/// (`position + direction`, `steps_taken + 1`, `position <= 0`), which skip the operand closures.
extension ExpressionCompiler {
    /// An int kernel: the result for two ints, or nil to fall back to the general path (overflow).
    typealias IntKernel = @Sendable (Int, Int) -> RuntimeValue?

    static func intKernel(binary op: BinaryOperator) -> IntKernel? {
        switch op {
        case .add: return { a, b in let (r, o) = a.addingReportingOverflow(b); return o ? nil : .int(r) }
        case .subtract: return { a, b in let (r, o) = a.subtractingReportingOverflow(b); return o ? nil : .int(r) }
        case .multiply: return { a, b in let (r, o) = a.multipliedReportingOverflow(by: b); return o ? nil : .int(r) }
        default: return nil
        }
    }

    static func intKernel(compare op: CompareOperator) -> IntKernel? {
        switch op {
        case .less: return { a, b in .bool(a < b) }
        case .lessEqual: return { a, b in .bool(a <= b) }
        case .greater: return { a, b in .bool(a > b) }
        case .greaterEqual: return { a, b in .bool(a >= b) }
        case .equal: return { a, b in .bool(a == b) }
        case .notEqual: return { a, b in .bool(a != b) }
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
                  general: @escaping @Sendable (RuntimeValue, RuntimeValue, Environment) throws(ExpressionError) -> RuntimeValue) -> Evaluator? {
        guard let kernel, let left = globalSlot(l) else { return nil }
        let offset = node.offset, length = node.length
        let lo = l.offset, ll = l.length
        let leftSlot = left.slot, leftName = left.name
        if case .literal(.int(let constant)) = r.kind {
            return { env throws(ExpressionError) in
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
        return { env throws(ExpressionError) in
            let x = env.slots[leftSlot], y = env.slots[rightSlot]
            if case .value(.int(let a)) = x, case .value(.int(let b)) = y, let result = kernel(a, b) { return result }
            if case .undefined = x { throw env.nameError(leftName, offset: lo, length: ll) }
            if case .undefined = y { throw env.nameError(rightName, offset: ro, length: rl) }
            do throws(ExpressionError) { return try general(x, y, env) } catch {
                throw error.located(at: offset, length: length)
            }
        }
    }
}
