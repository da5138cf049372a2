import Basics

/// Calls: macros (with Jinja2's argument rules), bound methods, `loop.cycle`/`loop.changed` and the
/// globals `range`, `dict`, `namespace`, `cycler`, `joiner`.
extension Renderer {
    func evaluateCall(_ expression: Expression, _ scope: Scope, caller: MacroClosure?) throws(TemplateError)
        -> RuntimeValue
    {
        guard case .call(let calleeExpression, let arguments, let at) = expression else {
            return try evaluate(expression, scope)
        }
        let callee = try evaluate(calleeExpression, scope)
        let (positional, keyword) = try evaluateArguments(arguments, scope, at: at)
        return try call(callee, positional, keyword, caller: caller, at: at)
    }

    func call(_ callee: RuntimeValue, _ positional: [RuntimeValue], _ keyword: [(String, RuntimeValue)],
              caller: MacroClosure? = nil, at offset: Int) throws(TemplateError) -> RuntimeValue {
        switch callee {
        case .macro(let macro):
            return try callMacro(macro, positional, keyword, caller: caller, at: offset)
        case .callable(let callable):
            var args: [Value] = []
            for p in positional { args.append(try toValue(p, at: offset)) }
            var kwargs: [(String, Value)] = []
            for (k, v) in keyword { kwargs.append((k, try toValue(v, at: offset))) }
            return try callBuiltin(callable, args, kwargs, at: offset)
        case .loop(let context):
            guard let recursion = context.recursion else {
                throw fail(.type, "The loop must have the 'recursive' marker to be called recursively.", at: offset)
            }
            guard positional.count == 1, keyword.isEmpty, let argument = positional.first else {
                throw fail(.type, "loop() takes exactly one iterable", at: offset)
            }
            var out = ""
            try runLoop(recursion.loop, items: try iterate(argument, at: offset), recursion.scope,
                        depth0: context.depth0 + 1, into: &out)
            return .value(.string(out))
        case .undefined(let u):
            throw u.error
        default:
            throw fail(.type, "'\(typeName(callee))' object is not callable", at: offset)
        }
    }

    private func callBuiltin(_ callable: Callable, _ args: [Value], _ kwargs: [(String, Value)], at offset: Int)
        throws(TemplateError) -> RuntimeValue
    {
        switch callable {
        case .method(let receiver, let name):
            do { return try PythonMethods.call(receiver, name, args, kwargs) } catch { throw fail(error, at: offset) }
        case .range:
            var ints: [Int] = []
            for a in args {
                guard case .int(let i)? = PythonValues.number(a), !a.isDouble else {
                    throw fail(.type, "'\(a.pythonTypeName)' object cannot be interpreted as an integer", at: offset)
                }
                ints.append(i)
            }
            let (start, stop, step): (Int, Int, Int)
            switch ints.count {
            case 1: (start, stop, step) = (0, ints[0], 1)
            case 2: (start, stop, step) = (ints[0], ints[1], 1)
            case 3: (start, stop, step) = (ints[0], ints[1], ints[2])
            default: throw fail(.type, "range expected 1 to 3 arguments, got \(ints.count)", at: offset)
            }
            if step == 0 { throw fail(.value, "range() arg 3 must not be zero", at: offset) }
            let count = step > 0 ? max(0, (stop - start + step - 1) / step) : max(0, (start - stop - step - 1) / -step)
            if count > 100_000 { throw fail(.value, "range too big, maximum length is 100000", at: offset) }
            let items = (0..<count).map { Value.int(start + $0 * step) }
            return .sequence(LazySequence(items: items, kind: .range(start, stop, step)))
        case .dict:
            var object = ValueObject()
            for (k, v) in kwargs { object[k] = v }
            return .value(.object(object))
        case .namespace:
            var object = ValueObject()
            if let first = args.first, case .object(let o) = first { object = o }
            for (k, v) in kwargs { object[k] = v }
            return .namespace(Namespace(object))
        case .cycler:
            return .callable(.cyclerObject(Cycler(args)))
        case .cyclerObject:
            throw fail(.type, "'Cycler' object is not callable", at: offset)
        case .cyclerReset(let cycler):
            cycler.position = 0
            return .none
        case .joiner:
            let separator = args.first?.pythonStr ?? ", "
            return .callable(.joinerCall(Joiner(separator)))
        case .cyclerNext(let cycler):
            guard !cycler.items.isEmpty else { return .none }
            defer { cycler.position = (cycler.position + 1) % cycler.items.count }
            return .value(cycler.items[cycler.position])
        case .joinerCall(let joiner):
            if joiner.used { return .value(.string(joiner.separator)) }
            joiner.used = true
            return .value(.string(""))
        case .loopCycle(let loop):
            guard !args.isEmpty else { throw fail(.type, "no items for cycling given", at: offset) }
            return .value(args[loop.index0 % args.count])
        case .loopChanged(let loop):
            if let last = loop.lastChanged, last.count == args.count, zip(last, args).allSatisfy(PythonValues.equals) {
                return .value(.bool(false))
            }
            loop.lastChanged = args
            return .value(.bool(true))
        case .superBlock(let name, let level):
            var out = ""
            try renderBlock(name, level: level, rootScope, at: offset, into: &out)
            return .value(.string(out))
        case .blockReference(let name):
            var out = ""
            try renderBlock(name, level: 0, rootScope, at: offset, into: &out)
            return .value(.string(out))
        case .selfReference:
            throw fail(.type, "'TemplateReference' object is not callable", at: offset)
        case .lipsum:
            throw fail(.unsupported, "lipsum() is random and not supported", at: offset)
        }
    }

    func callMacro(_ macro: MacroClosure, _ positional: [RuntimeValue], _ keyword: [(String, RuntimeValue)],
                   caller: MacroClosure?, at offset: Int) throws(TemplateError) -> RuntimeValue {
        let definition = macro.definition
        let parameters = definition.parameters
        if positional.count > parameters.count && !definition.catchesVarargs {
            throw fail(.type, "macro '\(definition.name)' takes not more than \(parameters.count) argument(s)",
                       at: offset)
        }
        let scope = Scope(parent: macro.scope)
        var extraKeywords = ValueObject()
        for (i, value) in positional.prefix(parameters.count).enumerated() { scope.variables[parameters[i]] = value }
        for (name, value) in keyword {
            if let index = parameters.firstIndex(of: name) {
                if index < positional.count {
                    throw fail(.type, "macro '\(definition.name)' got multiple values for argument '\(name)'",
                               at: offset)
                }
                scope.variables[name] = value
            } else if name == "caller" && definition.usesCaller {
                scope.variables["caller"] = value
            } else if definition.catchesKeywords {
                extraKeywords[name] = try toValue(value, at: offset)
            } else {
                throw fail(.type, "macro '\(definition.name)' takes no keyword argument '\(name)'", at: offset)
            }
        }
        guard depth < Self.maximumDepth else { throw fail(.value, "maximum macro call depth exceeded", at: offset) }
        let saved = template
        depth += 1
        template = macro.template
        defer {
            template = saved
            depth -= 1
        }
        let firstDefault = parameters.count - definition.defaults.count
        for (i, name) in parameters.enumerated() where scope.variables[name] == nil {
            if i >= firstDefault {
                scope.variables[name] = try evaluate(definition.defaults[i - firstDefault], scope)
            } else {
                scope.variables[name] = .undefined(Undefined(message: "parameter '\(name)' was not provided",
                                                             location: location(definition.at)))
            }
        }
        if definition.catchesVarargs {
            var extra: [Value] = []
            for value in positional.dropFirst(parameters.count) { extra.append(try toValue(value, at: offset)) }
            scope.variables["varargs"] = .value(.tuple(extra))
        }
        if definition.catchesKeywords { scope.variables["kwargs"] = .value(.object(extraKeywords)) }
        if definition.usesCaller, scope.variables["caller"] == nil {
            if let caller = caller ?? macro.caller {
                scope.variables["caller"] = .macro(caller)
            } else {
                scope.variables["caller"] = .undefined(Undefined(message: "No caller defined",
                                                                 location: location(definition.at)))
            }
        }
        var out = ""
        if let own = macro.context {
            // A macro from a template imported without context sees only its own template's variables.
            let isolated = Renderer(template: macro.template, context: own)
            isolated.depth = depth
            isolated.moduleContext = own
            defer { macroScopes += isolated.macroScopes }
            try isolated.execute(definition.body, scope, into: &out)
        } else {
            try execute(definition.body, scope, into: &out)
        }
        return .value(.string(out))
    }
}
