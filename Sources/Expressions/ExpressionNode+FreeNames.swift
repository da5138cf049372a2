import Basics

/// A name an expression reads from its context, with where it first appears in the source.
public struct FreeName: Sendable, Equatable {
    public var name: String
    public var offset: Int
    public var length: Int
}

extension ExpressionNode {
    /// The context names this expression reads, in first-use order: every `name` that is not bound by an
    /// enclosing comprehension and is not a builtin, `random`, or a math constant. Used by `validate` to report
    /// an unknown name before any unit is evaluated.
    public var freeNames: [FreeName] {
        var result: [FreeName] = []
        var seen = Set<String>()
        collectFreeNames(bound: [], into: &result, seen: &seen)
        return result
    }

    /// True when `name` resolves without a context (builtins, `random`, math constants).
    public static func isBuiltinName(_ name: String) -> Bool {
        name == "random" || Builtin.byName[name] != nil || Builtin.constants[name] != nil
            || ["True", "False", "None", "true", "false", "none"].contains(name)
    }

    func collectFreeNames(bound: Set<String>, into result: inout [FreeName], seen: inout Set<String>) {
        func visit(_ node: ExpressionNode, _ bound: Set<String>) {
            node.collectFreeNames(bound: bound, into: &result, seen: &seen)
        }
        switch kind {
        case .literal:
            break
        case .name(let name):
            if !bound.contains(name), !Self.isBuiltinName(name), seen.insert(name).inserted {
                result.append(FreeName(name: name, offset: offset, length: length))
            }
        case .list(let items), .tuple(let items), .set(let items):
            for item in items { visit(item, bound) }
        case .dict(let pairs):
            for pair in pairs { visit(pair.key, bound); visit(pair.value, bound) }
        case .unary(_, let operand):
            visit(operand, bound)
        case .binary(_, let a, let b):
            visit(a, bound); visit(b, bound)
        case .boolean(_, let operands):
            for operand in operands { visit(operand, bound) }
        case .compare(let first, let rest):
            visit(first, bound)
            for item in rest { visit(item.operand, bound) }
        case .conditional(let test, let body, let orElse):
            visit(test, bound); visit(body, bound)
            if let orElse { visit(orElse, bound) }
        case .call(let callee, let arguments):
            visit(callee, bound)
            for argument in arguments { visit(argument.value, bound) }
        case .attribute(let base, _):
            visit(base, bound)
        case .subscript(let base, let index):
            visit(base, bound); visit(index, bound)
        case .slice(let a, let b, let c):
            for part in [a, b, c] { if let part { visit(part, bound) } }
        case .comprehension(_, let element, let value, let clauses):
            var scope = bound
            for clause in clauses {
                visit(clause.iterable, scope)
                scope.formUnion(clause.target.names)
                for condition in clause.conditions { visit(condition, scope) }
            }
            visit(element, scope)
            if let value { visit(value, scope) }
        case .formatted(let parts):
            Self.visitFormatted(parts) { visit($0, bound) }
        case .filter(let base, _, let arguments), .test(let base, _, let arguments, _):
            visit(base, bound)
            for argument in arguments { visit(argument.value, bound) }
        }
    }

    static func visitFormatted(_ parts: [FormattedPart], _ body: (ExpressionNode) -> Void) {
        for part in parts {
            if case .field(let node, _, let spec) = part {
                body(node)
                visitFormatted(spec, body)
            }
        }
    }
}

extension CompiledExpression {
    /// The context names this expression reads (see `ExpressionNode.freeNames`).
    public var freeNames: [FreeName] { syntaxTree.freeNames }
}
