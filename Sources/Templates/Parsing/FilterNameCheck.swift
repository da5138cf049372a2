/// Jinja2's compile-time check that every filter and test name exists.
///
/// Invariant (Jinja2 ≥ 3.0): names used inside an `{% if %}` (its tests and bodies) or a conditional
/// expression are only checked when executed, so templates can guard optional filters; anywhere else an
/// unknown name is a compile error. Bodies of `for`, `macro`, `call`, `filter`, `set` and `with` start a
/// new frame and are checked strictly again, as in Jinja2's compiler.
enum FilterNameCheck {
    static func check(_ nodes: [Node], source: SourceText) throws(TemplateError) {
        var checker = FilterNameCheck.Walker(source: source)
        try checker.walk(nodes, soft: false)
    }

    /// Walks the tree once, carrying whether the current position is inside an `if` or a conditional.
    private struct Walker {
        let source: SourceText

        func fail(_ kind: String, _ name: String, at offset: Int) -> TemplateError {
            TemplateError(.syntax, "No \(kind) named '\(name)'.", at: source.location(offset))
        }

        mutating func walk(_ nodes: [Node], soft: Bool) throws(TemplateError) {
            for node in nodes { try walk(node, soft: soft) }
        }

        mutating func walk(_ node: Node, soft: Bool) throws(TemplateError) {
            switch node {
            case .text: break
            case .output(let e, _): try walk(e, soft: soft)
            case .ifBlock(let branches, let otherwise):
                for branch in branches {
                    try walk(branch.test, soft: true)
                    try walk(branch.body, soft: true)
                }
                if let otherwise { try walk(otherwise, soft: true) }
            case .forLoop(let loop):
                try walk(loop.iterable, soft: soft)
                if let condition = loop.condition { try walk(condition, soft: false) }
                try walk(loop.body, soft: false)
                if let otherwise = loop.otherwise { try walk(otherwise, soft: false) }
            case .set(_, let e, _): try walk(e, soft: soft)
            case .setBlock(_, let body, let filters, _):
                try walk(filters, soft: soft)
                try walk(body, soft: false)
            case .include(let e, _, _, _): try walk(e, soft: soft)
            case .macro(let m):
                for d in m.defaults { try walk(d, soft: false) }
                try walk(m.body, soft: false)
            case .callBlock(let call, let m, _):
                try walk(call, soft: soft)
                try walk(m.body, soft: false)
            case .filterBlock(let body, let filters, _):
                try walk(filters, soft: soft)
                try walk(body, soft: false)
            case .importModule(let e, _, _, _), .fromImport(let e, _, _, _), .extends(let e, _): try walk(e, soft: soft)
            case .block(let b): try walk(b.body, soft: false)
            case .with(let assignments, let body, _):
                for (_, e) in assignments { try walk(e, soft: soft) }
                try walk(body, soft: false)
            }
        }

        mutating func walk(_ filters: [FilterCall], soft: Bool) throws(TemplateError) {
            for f in filters {
                if !soft, !FilterRegistry.isKnown(f.name) { throw fail("filter", f.name, at: f.at) }
                try walk(f.arguments, soft: soft)
            }
        }

        mutating func walk(_ arguments: Arguments, soft: Bool) throws(TemplateError) {
            for e in arguments.positional { try walk(e, soft: soft) }
            for (_, e) in arguments.keyword { try walk(e, soft: soft) }
            if let e = arguments.spreadPositional { try walk(e, soft: soft) }
            if let e = arguments.spreadKeyword { try walk(e, soft: soft) }
        }

        mutating func walk(_ expression: Expression, soft: Bool) throws(TemplateError) {
            switch expression {
            case .literal, .name: break
            case .list(let items, _), .tuple(let items, _), .concat(let items, _):
                for e in items { try walk(e, soft: soft) }
            case .dict(let pairs, _):
                for p in pairs {
                    try walk(p.key, soft: soft)
                    try walk(p.value, soft: soft)
                }
            case .attribute(let base, _, _): try walk(base, soft: soft)
            case .item(let base, let key, _):
                try walk(base, soft: soft)
                try walk(key, soft: soft)
            case .slice(let base, let a, let b, let c, _):
                try walk(base, soft: soft)
                for e in [a, b, c].compactMap({ $0 }) { try walk(e, soft: soft) }
            case .call(let callee, let arguments, _):
                try walk(callee, soft: soft)
                try walk(arguments, soft: soft)
            case .filter(let base, let name, let arguments, let at):
                try walk(base, soft: soft)
                if !soft, !FilterRegistry.isKnown(name) { throw fail("filter", name, at: at) }
                try walk(arguments, soft: soft)
            case .test(let base, let name, let arguments, _, let at):
                try walk(base, soft: soft)
                if !soft, !TestRegistry.isKnown(name) { throw fail("test", name, at: at) }
                try walk(arguments, soft: soft)
            case .unary(_, let e, _), .not(let e, _): try walk(e, soft: soft)
            case .binary(_, let a, let b, _), .and(let a, let b), .or(let a, let b):
                try walk(a, soft: soft)
                try walk(b, soft: soft)
            case .compare(let first, let operations, _):
                try walk(first, soft: soft)
                for o in operations { try walk(o.operand, soft: soft) }
            case .conditional(let test, let then, let otherwise, _):
                try walk(test, soft: true)
                try walk(then, soft: true)
                if let otherwise { try walk(otherwise, soft: true) }
            }
        }
    }
}
