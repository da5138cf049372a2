import Basics

extension SchemaEvaluator {
    /// Evaluates `child` on `value` one step deeper in the instance path.
    mutating func descend(_ child: Int, _ value: Value, _ component: PathComponent, collect: Bool) -> Bool {
        var ignored = EvaluatedLocations()
        guard collect else { return evaluate(child, value, collect: false, &ignored) }
        path.append(component)
        defer { path.removeLast() }
        return evaluate(child, value, collect: true, &ignored)
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    mutating func checkArray(_ keyword: Keyword, _ node: SchemaNode, _ instance: Value, collect: Bool,
                             _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .array(let items) = instance else { return true }
        switch keyword.check {
        case .prefixItems(let children):
            var ok = true
            for (i, child) in children.enumerated() where i < items.count {
                if !descend(child, items[i], .index(i), collect: collect) {
                    ok = false
                    if !collect { return false }
                }
            }
            if tracking { evaluated.itemPrefix = max(evaluated.itemPrefix, min(children.count, items.count)) }
            return ok
        case .items(let child, let after):
            guard items.count > after else { return true }
            if schema.nodes[child].kind == .alwaysInvalid {
                if collect {
                    let count = items.count - after
                    let rest = count == 1 ? items[after].pythonRepr : Value.array(Array(items[after...])).pythonRepr
                    fail(node, keyword.name, "Expected at most \(after) item\(after == 1 ? "" : "s") but found \(count) extra: \(rest)")
                }
                return false
            }
            var ok = true
            for i in after..<items.count where !descend(child, items[i], .index(i), collect: collect) {
                ok = false
                if !collect { return false }
            }
            if tracking { evaluated.allItems = true }
            return ok
        case .contains(let child, let minimum, let maximum):
            var matches = 0
            var matched: Set<Int> = []
            for (i, item) in items.enumerated() {
                let (passed, _) = probe(child, item)
                if passed {
                    matches += 1
                    if tracking { matched.insert(i) }
                }
            }
            if tracking { evaluated.items.formUnion(matched) }
            if matches < minimum {
                if collect {
                    if matches == 0 {
                        fail(node, keyword.name, "\(instance.pythonRepr) does not contain items matching the given schema")
                    } else {
                        fail(node, "minContains", "Too few items match the given schema (expected at least \(minimum) but only \(matches) matched)")
                    }
                }
                return false
            }
            if let maximum, matches > maximum {
                if collect { fail(node, "maxContains", "Too many items match the given schema (expected at most \(maximum))") }
                return false
            }
            return true
        case .unevaluatedItems(let child):
            var ok = true
            var unexpected: [Value] = []
            for (i, item) in items.enumerated() where !evaluated.isEvaluated(item: i) {
                if !descend(child, item, .index(i), collect: false) {
                    ok = false
                    unexpected.append(item)
                    if !collect { return false }
                }
            }
            if ok {
                evaluated.allItems = true
            } else if collect {
                let list = unexpected.map(\.pythonRepr).joined(separator: ", ")
                fail(node, keyword.name, "Unevaluated items are not allowed (\(list) \(unexpected.count == 1 ? "was" : "were") unexpected)")
            }
            return ok
        default:
            return true
        }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    mutating func checkObject(_ keyword: Keyword, _ node: SchemaNode, _ instance: Value, collect: Bool,
                              _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .object(let object) = instance else { return true }
        switch keyword.check {
        case .properties(let children):
            var ok = true
            for (key, child) in children {
                guard let value = object[key] else { continue }
                if tracking { evaluated.properties.insert(key) }
                if !descend(child, value, .key(key), collect: collect) {
                    ok = false
                    if !collect { return false }
                }
            }
            return ok
        case .patternProperties(let children):
            var ok = true
            for (key, value) in object {
                for (pattern, child) in children where pattern.matches(key) {
                    if tracking { evaluated.properties.insert(key) }
                    if !descend(child, value, .key(key), collect: collect) {
                        ok = false
                        if !collect { return false }
                    }
                }
            }
            return ok
        case .additionalProperties(let child, let known, let patterns, let patternSources):
            var extras: [String] = []
            for key in object.keys where !known.contains(key) && !patterns.contains(where: { $0.matches(key) }) {
                extras.append(key)
            }
            if extras.isEmpty { return true }
            if tracking { for key in extras { evaluated.properties.insert(key) } }
            if schema.nodes[child].kind == .alwaysInvalid {
                if collect {
                    let list = extras.sorted().map { Value.string($0).pythonRepr }.joined(separator: ", ")
                    if let patternSources {
                        let regexes = patternSources.map { Value.string($0).pythonRepr }.joined(separator: ", ")
                        fail(node, keyword.name, "\(list) \(extras.count == 1 ? "does" : "do") not match any of the regexes: \(regexes)")
                    } else {
                        fail(node, keyword.name, "Additional properties are not allowed (\(list) \(extras.count == 1 ? "was" : "were") unexpected)")
                    }
                }
                return false
            }
            var ok = true
            for key in extras where !descend(child, object[key] ?? .null, .key(key), collect: collect) {
                ok = false
                if !collect { return false }
            }
            return ok
        case .propertyNames(let child):
            var ok = true
            for key in object.keys {
                var ignored = EvaluatedLocations()
                if !evaluate(child, .string(key), collect: collect, &ignored) {
                    ok = false
                    if !collect { return false }
                }
            }
            return ok
        case .unevaluatedProperties(let child):
            var unexpected: [String] = []
            for (key, value) in object where !evaluated.isEvaluated(property: key) {
                if !descend(child, value, .key(key), collect: false) {
                    unexpected.append(key)
                    if !collect { return false }
                }
            }
            if unexpected.isEmpty {
                evaluated.allProperties = true
                return true
            }
            if collect {
                let verb = unexpected.count == 1 ? "was" : "were"
                if schema.nodes[child].kind == .alwaysInvalid {
                    let list = unexpected.sorted().map { Value.string($0).pythonRepr }.joined(separator: ", ")
                    fail(node, keyword.name, "Unevaluated properties are not allowed (\(list) \(verb) unexpected)")
                } else {
                    let list = unexpected.map { Value.string($0).pythonRepr }.joined(separator: ", ")
                    fail(node, keyword.name, "Unevaluated properties are not valid under the given schema (\(list) \(verb) unevaluated and invalid)")
                }
            }
            return false
        default:
            return true
        }
    }
}
