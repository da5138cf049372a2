/// Structural search over a syntax tree (every child node, in source order).
extension ExpressionNode {
    /// The node's direct children (f-string fields and their format specs included).
    var children: [ExpressionNode] {
        switch kind {
        case .literal, .name: return []
        case .list(let items), .tuple(let items), .set(let items), .boolean(_, let items): return items
        case .dict(let pairs): return pairs.flatMap { [$0.key, $0.value] }
        case .unary(_, let a), .attribute(let a, _): return [a]
        case .binary(_, let a, let b), .subscript(let a, let b): return [a, b]
        case .compare(let a, let rest): return [a] + rest.map(\.operand)
        case .conditional(let t, let b, let o): return [b, t] + (o.map { [$0] } ?? [])
        case .call(let f, let args): return [f] + args.map(\.value)
        case .slice(let a, let b, let c): return [a, b, c].compactMap { $0 }
        case .comprehension(_, let element, let value, let clauses):
            return clauses.flatMap { [$0.iterable] + $0.conditions } + [element] + (value.map { [$0] } ?? [])
        case .formatted(let parts): return parts.flatMap(\.expressions)
        case .filter(let v, _, let args), .test(let v, _, let args, _): return [v] + args.map(\.value)
        }
    }

    /// Whether this node or any node below it satisfies `predicate`.
    func contains(where predicate: (ExpressionNode) -> Bool) -> Bool {
        predicate(self) || children.contains { $0.contains(where: predicate) }
    }

    /// Whether evaluating the expression could produce a Python `set`: only a set display, a set
    /// comprehension or the `set` builtin create one (every other set operation needs a set operand, and
    /// context values — decoded JSON — never are sets).
    var mayBuildSet: Bool {
        contains { node in
            switch node.kind {
            case .set, .comprehension(.set, _, _, _): return true
            case .name(let name): return name == "set"
            default: return false
            }
        }
    }
}

extension FormattedPart {
    /// The expressions of a replacement field, its format spec's fields included.
    var expressions: [ExpressionNode] {
        guard case .field(let e, _, let spec) = self else { return [] }
        return [e] + spec.flatMap(\.expressions)
    }
}
