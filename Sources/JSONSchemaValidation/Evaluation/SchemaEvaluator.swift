import Basics

/// Runs a `JSONSchema` over one instance. Created per validation call; not shared.
///
/// Invariants: `path` is the instance path of the value being evaluated (pushed and popped around each
/// descent); `scope` is the dynamic scope (resource indices, outermost first) used by `$dynamicRef`.
/// With `collect == false` an evaluation stops at the first failure and records nothing; annotations for
/// `unevaluated*` are only gathered when the schema uses those keywords.
struct SchemaEvaluator {
    let schema: JSONSchema
    let tracking: Bool
    var path: [PathComponent] = []
    var scope: [Int] = []
    var errors: [SchemaValidationError] = []
    var depth = 0

    static let maxDepth = 400

    init(schema: JSONSchema) {
        self.schema = schema
        self.tracking = schema.usesUnevaluated
    }

    mutating func fail(_ node: SchemaNode, _ keyword: String, _ message: String) {
        errors.append(SchemaValidationError(instancePath: PathComponent.render(path),
                                            schemaPath: node.location + "/" + keyword,
                                            keyword: keyword, message: message,
                                            instancePointer: PathComponent.pointer(path)))
    }

    /// Evaluates node `n` against `instance`; merges what it evaluated into `evaluated` when it passes.
    mutating func evaluate(_ n: Int, _ instance: Value, collect: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        let node = schema.nodes[n]
        if let onlyType = node.onlyType, Self.matches(instance, onlyType) { return true }
        switch node.kind {
        case .alwaysValid:
            return true
        case .alwaysInvalid:
            if collect {
                errors.append(SchemaValidationError(instancePath: PathComponent.render(path), schemaPath: node.location,
                                                    keyword: "false", message: "False schema does not allow \(instance.pythonRepr)",
                                                    instancePointer: PathComponent.pointer(path)))
            }
            return false
        case .keywords:
            break
        }
        if depth >= Self.maxDepth {
            if collect { fail(node, "$ref", "Maximum schema nesting depth exceeded (reference loop?)") }
            return false
        }
        depth += 1
        defer { depth -= 1 }
        var pushed = false
        if let resource = node.resource, scope.last != resource {
            scope.append(resource)
            pushed = true
        }
        defer { if pushed { scope.removeLast() } }
        var local = EvaluatedLocations()
        var valid = true
        for keyword in node.keywords {
            if !check(keyword, node, instance, collect: collect, &local) {
                valid = false
                if !collect { return false }
            }
        }
        if valid && tracking { evaluated.merge(local) }
        return valid
    }

    /// Re-evaluates the branches of a failed `anyOf`/`oneOf` collecting their errors into the last error's
    /// `context` (cold path: only when errors are being collected).
    mutating func attachContext(of branches: [Int], _ instance: Value) {
        guard let last = errors.indices.last else { return }
        let saved = errors
        errors = []
        for branch in branches {
            var ignored = EvaluatedLocations()
            _ = evaluate(branch, instance, collect: true, &ignored)
        }
        let context = errors
        errors = saved
        errors[last].context = context
    }

    /// Evaluates `n` with a fresh annotation set, returning validity and what it evaluated.
    mutating func probe(_ n: Int, _ instance: Value) -> (Bool, EvaluatedLocations) {
        var locations = EvaluatedLocations()
        let ok = evaluate(n, instance, collect: false, &locations)
        return (ok, locations)
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    mutating func check(_ keyword: Keyword, _ node: SchemaNode, _ instance: Value, collect: Bool,
                        _ evaluated: inout EvaluatedLocations) -> Bool {
        switch keyword.check {
        case .ref(let target):
            return evaluate(target, instance, collect: collect, &evaluated)
        case .dynamicRef(let initial, let anchor):
            var target = initial
            if let anchor {
                for resource in scope {
                    if let found = schema.resources[resource].dynamicAnchors[anchor] {
                        target = found
                        break
                    }
                }
            }
            return evaluate(target, instance, collect: collect, &evaluated)
        case .allOf(let children):
            var ok = true
            for child in children where !evaluate(child, instance, collect: collect, &evaluated) {
                ok = false
                if !collect { return false }
            }
            return ok
        case .anyOf(let children):
            var ok = false
            for child in children {
                let (passed, locations) = probe(child, instance)
                if passed {
                    ok = true
                    if tracking { evaluated.merge(locations) } else { break }
                }
            }
            if !ok && collect {
                fail(node, keyword.name, "\(instance.pythonRepr) is not valid under any of the given schemas")
                attachContext(of: children, instance)
            }
            return ok
        case .oneOf(let children):
            var matched: [Int] = []
            var merged = EvaluatedLocations()
            for child in children {
                let (passed, locations) = probe(child, instance)
                if passed {
                    matched.append(child)
                    merged.merge(locations)
                    if matched.count > 1 && !collect { return false }
                }
            }
            if matched.count == 1 {
                if tracking { evaluated.merge(merged) }
                return true
            }
            if collect {
                if matched.isEmpty {
                    fail(node, keyword.name, "\(instance.pythonRepr) is not valid under any of the given schemas")
                    attachContext(of: children, instance)
                } else {
                    // Python jsonschema lists the later matches first, then the first one.
                    let ordered = matched.dropFirst() + matched.prefix(1)
                    let reprs = ordered.map { schema.nodes[$0].raw.pythonRepr }.joined(separator: ", ")
                    fail(node, keyword.name, "\(instance.pythonRepr) is valid under each of \(reprs)")
                }
            }
            return false
        case .not(let child):
            let (passed, _) = probe(child, instance)
            if passed && collect {
                fail(node, keyword.name, "\(instance.pythonRepr) should not be valid under \(schema.nodes[child].raw.pythonRepr)")
            }
            return !passed
        case .conditional(let condition, let thenNode, let elseNode):
            if thenNode == nil && elseNode == nil && !tracking { return true }
            let (passed, locations) = probe(condition, instance)
            if passed {
                if tracking { evaluated.merge(locations) }
                guard let thenNode else { return true }
                return evaluate(thenNode, instance, collect: collect, &evaluated)
            }
            guard let elseNode else { return true }
            return evaluate(elseNode, instance, collect: collect, &evaluated)
        case .dependentSchemas(let pairs):
            guard case .object(let object) = instance else { return true }
            var ok = true
            for (property, child) in pairs where object.contains(property) {
                if !evaluate(child, instance, collect: collect, &evaluated) {
                    ok = false
                    if !collect { return false }
                }
            }
            return ok
        case .prefixItems, .items, .contains, .unevaluatedItems:
            return checkArray(keyword, node, instance, collect: collect, &evaluated)
        case .properties, .patternProperties, .additionalProperties, .propertyNames, .unevaluatedProperties:
            return checkObject(keyword, node, instance, collect: collect, &evaluated)
        default:
            return checkAssertion(keyword, node, instance, collect: collect)
        }
    }
}
