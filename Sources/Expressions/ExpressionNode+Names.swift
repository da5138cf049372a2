/// Free-variable analysis: the names an expression reads from its context.
extension ExpressionNode {
    /// Names read by the expression, in first-occurrence order, excluding comprehension variables bound
    /// inside it. Builtins (`len`, `random`) are included when used; callers filter what they know.
    public var referencedNames: [String] {
        var out: [String] = []
        var seen = Set<String>()
        collectNames(bound: [], into: &out, seen: &seen)
        return out
    }

    func collectNames(bound: Set<String>, into out: inout [String], seen: inout Set<String>) {
        func visit(_ node: ExpressionNode?, _ bound: Set<String>) {
            node?.collectNames(bound: bound, into: &out, seen: &seen)
        }
        switch kind {
        case .literal: break
        case .name(let n):
            if !bound.contains(n) && seen.insert(n).inserted { out.append(n) }
        case .list(let items), .tuple(let items), .set(let items), .boolean(_, let items):
            for item in items { visit(item, bound) }
        case .dict(let pairs):
            for pair in pairs { visit(pair.key, bound); visit(pair.value, bound) }
        case .unary(_, let a), .attribute(let a, _): visit(a, bound)
        case .binary(_, let a, let b), .subscript(let a, let b): visit(a, bound); visit(b, bound)
        case .compare(let a, let rest):
            visit(a, bound)
            for r in rest { visit(r.operand, bound) }
        case .conditional(let t, let b, let o): visit(b, bound); visit(t, bound); visit(o, bound)
        case .call(let f, let args):
            visit(f, bound)
            for a in args { visit(a.value, bound) }
        case .slice(let a, let b, let c): visit(a, bound); visit(b, bound); visit(c, bound)
        case .comprehension(_, let element, let value, let clauses):
            var inner = bound
            for (i, clause) in clauses.enumerated() {
                visit(clause.iterable, i == 0 ? bound : inner)
                inner.formUnion(clause.target.names)
                for c in clause.conditions { visit(c, inner) }
            }
            visit(element, inner)
            visit(value, inner)
        case .formatted(let parts):
            for part in parts { part.collectNames(bound: bound, into: &out, seen: &seen) }
        case .filter(let v, _, let args), .test(let v, _, let args, _):
            visit(v, bound)
            for a in args { visit(a.value, bound) }
        }
    }
}

extension FormattedPart {
    func collectNames(bound: Set<String>, into out: inout [String], seen: inout Set<String>) {
        guard case .field(let e, _, let spec) = self else { return }
        e.collectNames(bound: bound, into: &out, seen: &seen)
        for part in spec { part.collectNames(bound: bound, into: &out, seen: &seen) }
    }
}
