import Basics

/// Evaluation of expressions: Jinja2's semantics for names, operators, `and`/`or` (returning an
/// operand, as Python does), chained comparisons, `~`, conditional expressions, filters and tests.
extension Renderer {
    func evaluate(_ expression: Expression, _ scope: Scope) throws(TemplateError) -> RuntimeValue {
        switch expression {
        case .literal(let value):
            return .value(value)
        case .name(let name, let at):
            if let value = lookupName(name, scope) {
                if case .undefined(var u) = value, u.location == nil {
                    u.location = location(at)
                    return .undefined(u)
                }
                return value
            }
            return .undefined(Undefined(message: Undefined.nameMessage(name), location: location(at)))
        case .list(let items, let at):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try toValue(try evaluate(item, scope), at: item.offset ?? at)) }
            return .value(.array(values))
        case .tuple(let items, let at):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try toValue(try evaluate(item, scope), at: item.offset ?? at)) }
            return .value(.tuple(values))
        case .dict(let pairs, let at):
            var object = ValueObject(minimumCapacity: pairs.count)
            for pair in pairs {
                let key = try toValue(try evaluate(pair.key, scope), at: pair.key.offset ?? at)
                let value = try toValue(try evaluate(pair.value, scope), at: pair.value.offset ?? at)
                guard case .string(let k) = key else {
                    throw fail(.unsupported, "dict keys other than strings are not supported", at: at)
                }
                object[k] = value
            }
            return .value(.object(object))
        case .attribute(let base, let name, let at):
            return try attribute(of: try evaluate(base, scope), name, at: at)
        case .item(let base, let key, let at):
            let container = try evaluate(base, scope)
            let keyValue = try toValue(try evaluate(key, scope), at: key.offset ?? at)
            return try item(of: container, keyValue, at: at)
        case .slice(let base, let start, let stop, let step, let at):
            return try slice(try evaluate(base, scope), start: start, stop: stop, step: step, scope, at: at)
        case .call:
            return try evaluateCall(expression, scope, caller: nil)
        case .filter(let base, let name, let arguments, let at):
            return try applyFilter(name, to: try evaluate(base, scope), arguments, scope, at: at)
        case .test(let base, let name, let arguments, let negated, let at):
            let result = try applyTest(name, to: try evaluate(base, scope), arguments, scope, at: at)
            return .value(.bool(result != negated))
        case .unary(let op, let operand, let at):
            let value = try toValue(try evaluate(operand, scope), at: at)
            do {
                switch op {
                case .negate: return .value(try PythonArithmetic.negate(value))
                case .plus: return .value(try PythonArithmetic.plus(value))
                }
            } catch { throw fail(error, at: at) }
        case .binary(let op, let left, let right, let at):
            let l = try evaluate(left, scope), r = try evaluate(right, scope)
            if case .sequence = l { throw unsupportedOperands(op, l, r, at: at) }
            if case .sequence = r { throw unsupportedOperands(op, l, r, at: at) }
            let a = try toValue(l, at: left.offset ?? at)
            let b = try toValue(r, at: right.offset ?? at)
            do {
                return .value(try PythonArithmetic.apply(op, a, b))
            } catch { throw fail(error, at: at) }
        case .concat(let items, let at):
            var text = ""
            for item in items { text += try self.text(of: try evaluate(item, scope), at: item.offset ?? at) }
            return .value(.string(text))
        case .compare(let first, let operations, let at):
            var left = try toValue(try evaluate(first, scope), at: first.offset ?? at)
            for operation in operations {
                let right = try toValue(try evaluate(operation.operand, scope), at: operation.operand.offset ?? at)
                let holds: Bool
                do { holds = try PythonValues.compare(operation.op, left, right) } catch { throw fail(error, at: at) }
                if !holds { return .value(.bool(false)) }
                left = right
            }
            return .value(.bool(true))
        case .and(let left, let right):
            let a = try evaluate(left, scope)
            return try isTrue(a, at: left.offset) ? try evaluate(right, scope) : a
        case .or(let left, let right):
            let a = try evaluate(left, scope)
            return try isTrue(a, at: left.offset) ? a : try evaluate(right, scope)
        case .not(let operand, let at):
            return .value(.bool(!(try isTrue(try evaluate(operand, scope), at: at))))
        case .conditional(let test, let then, let otherwise, let at):
            if try isTrue(try evaluate(test, scope), at: test.offset ?? at) { return try evaluate(then, scope) }
            if let otherwise { return try evaluate(otherwise, scope) }
            let message = "the inline if-expression on \(location(at).map { "line \($0.line)" } ?? "a line") "
                + "evaluated to false and no else section was defined."
            return .undefined(Undefined(message: message, location: location(at), lenient: true))
        }
    }

    /// Python refuses arithmetic on iterators, ranges and dict views (except in ways templates never use).
    private func unsupportedOperands(_ op: BinaryOperator, _ a: RuntimeValue, _ b: RuntimeValue, at: Int)
        -> TemplateError
    {
        fail(.type, "unsupported operand type(s) for \(op.rawValue): '\(typeName(a))' and '\(typeName(b))'", at: at)
    }

    /// Name resolution: template scopes, then the render context, then Jinja2's globals.
    func lookupName(_ name: String, _ scope: Scope) -> RuntimeValue? {
        if let value = scope.lookup(name) { return value }
        if let value = context[name] { return .value(value) }
        switch name {
        case "range": return .callable(.range)
        case "dict": return .callable(.dict)
        case "namespace": return .callable(.namespace)
        case "lipsum": return .callable(.lipsum)
        case "cycler": return .callable(.cycler)
        case "joiner": return .callable(.joiner)
        case "self": return .callable(.selfReference)
        default: return nil
        }
    }

    func evaluateArguments(_ arguments: Arguments, _ scope: Scope, at: Int) throws(TemplateError)
        -> (positional: [RuntimeValue], keyword: [(String, RuntimeValue)])
    {
        var positional: [RuntimeValue] = []
        positional.reserveCapacity(arguments.positional.count)
        for argument in arguments.positional { positional.append(try evaluate(argument, scope)) }
        if let spread = arguments.spreadPositional {
            for item in try iterate(try evaluate(spread, scope), at: spread.offset ?? at) {
                positional.append(.value(item))
            }
        }
        var keyword: [(String, RuntimeValue)] = []
        for (name, argument) in arguments.keyword { keyword.append((name, try evaluate(argument, scope))) }
        if let spread = arguments.spreadKeyword {
            guard case .value(.object(let object)) = try evaluate(spread, scope) else {
                throw fail(.type, "argument after ** must be a mapping", at: spread.offset ?? at)
            }
            for (k, v) in object { keyword.append((k, .value(v))) }
        }
        return (positional, keyword)
    }
}
