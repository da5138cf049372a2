import Basics

/// `min`, `max`, `sorted`, `map`, `filter`: builtins that take callables (`key=`, functions as values).
enum Aggregates {
    typealias Args = ExpressionCompiler.Arguments

    static func apply(_ f: RuntimeValue, _ v: RuntimeValue, _ env: Environment) throws(ExpressionError) -> RuntimeValue {
        try ExpressionCompiler.invoke(f, Args(positional: [v], keywords: []), env)
    }

    /// A stable sort by Python `<`, rethrowing the first comparison error.
    static func stableSort(_ items: [(key: RuntimeValue, value: Value)], reverse: Bool) throws(ExpressionError) -> [Value] {
        var failure: ExpressionError?
        var indexed = Array(items.enumerated())
        indexed.sort { x, y in
            if failure != nil { return false }
            do throws(ExpressionError) {
                if reverse {
                    if try PythonRuntime.less(y.element.key, x.element.key) { return true }
                    if try PythonRuntime.less(x.element.key, y.element.key) { return false }
                    return x.offset < y.offset
                }
                if try PythonRuntime.less(x.element.key, y.element.key) { return true }
                if try PythonRuntime.less(y.element.key, x.element.key) { return false }
                return x.offset < y.offset
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        return indexed.map { $0.element.value }
    }

    static func keyed(_ values: [Value], _ key: RuntimeValue?, _ env: Environment) throws(ExpressionError) -> [(key: RuntimeValue, value: Value)] {
        var out: [(key: RuntimeValue, value: Value)] = []
        out.reserveCapacity(values.count)
        for v in values {
            if let key, !isNone(key) { out.append((try apply(key, .value(v), env), v)) } else { out.append((.value(v), v)) }
        }
        return out
    }

    static func isNone(_ v: RuntimeValue) -> Bool { if case .value(.null) = v { return true } else { return false } }

    static func sorted(_ a: Args, _ env: Environment) throws(ExpressionError) -> RuntimeValue {
        guard a.positional.count == 1 else { throw .type("sorted expected 1 argument, got \(a.positional.count)") }
        let values = try Builtins.values(a.positional[0], env)
        let reverse = Builtins.keyword(a, "reverse").map(PythonRuntime.truthy) ?? false
        return .value(.array(try stableSort(try keyed(values, Builtins.keyword(a, "key"), env), reverse: reverse)))
    }

    static func minMax(_ isMax: Bool, _ a: Args, _ env: Environment) throws(ExpressionError) -> RuntimeValue {
        let name = isMax ? "max" : "min"
        let values: [Value]
        if a.positional.count == 1 {
            values = try Builtins.values(a.positional[0], env)
        } else if a.positional.count > 1 {
            values = try a.positional.map { (v: RuntimeValue) throws(ExpressionError) -> Value in try v.toValue() }
        } else {
            throw .type("\(name) expected at least 1 argument, got 0")
        }
        if values.isEmpty {
            if let d = Builtins.keyword(a, "default") { return d }
            throw .value("\(name)() arg is an empty sequence")
        }
        let items = try keyed(values, Builtins.keyword(a, "key"), env)
        var best = items[0]
        for item in items.dropFirst() {
            let better = isMax ? try PythonRuntime.less(best.key, item.key) : try PythonRuntime.less(item.key, best.key)
            if better { best = item }
        }
        return .value(best.value)
    }

    static func mapFilter(_ b: Builtin, _ a: Args, _ env: Environment) throws(ExpressionError) -> RuntimeValue {
        guard a.positional.count >= 2 else { throw .type("\(b.rawValue)() needs a function and an iterable") }
        let f = a.positional[0]
        if b == .filter {
            var out: [Value] = []
            for v in try Builtins.values(a.positional[1], env) {
                let keep = isNone(f) ? PythonRuntime.truthy(v) : PythonRuntime.truthy(try apply(f, .value(v), env))
                if keep { out.append(v) }
            }
            return .value(.array(out))
        }
        let lists = try a.positional.dropFirst().map { (v: RuntimeValue) throws(ExpressionError) -> [Value] in try Builtins.values(v, env) }
        let n = lists.map(\.count).min() ?? 0
        var out: [Value] = []
        for i in 0..<n {
            let args = Args(positional: lists.map { .value($0[i]) }, keywords: [])
            out.append(try ExpressionCompiler.invoke(f, args, env).toValue())
        }
        return .value(.array(out))
    }
}
