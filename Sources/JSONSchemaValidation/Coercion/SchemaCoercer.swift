import Basics

/// Repairs the typical type mistakes of LLM answers by walking the value alongside a compiled schema
/// (reference §1.14), before validation. Built once per schema; Sendable; the result is what is passed
/// on (unlike the Python tool, K6).
///
/// Coercions: string → integer (Python `int()`), integral float → integer, string → number (Python
/// `float()`, finite only), string → boolean (`true`/`false`, any case), string → array (JSON text, else
/// `[{"tag": s}]` when the items schema has a `tag` property, else `[s]`), enum normalisation (a
/// `shadow ` prefix and a ` | ` alternative dropped, case-insensitive match → the canonical value; non-string
/// enum values are skipped, K12), and unwrapping a `response`-wrapped answer at the top level. It follows
/// `$ref`, `allOf`, `properties`, `patternProperties`, `additionalProperties`, `prefixItems`, `items`, and an
/// `anyOf`/`oneOf` branch only when the choice is unambiguous. Invariant: a value the schema already accepts
/// by type is never changed, except an integral float where only `integer` is allowed (5.0 → 5).
public struct SchemaCoercer: Sendable {
    let schema: JSONSchema
    let plans: [CoercionPlan]

    public init(schema: JSONSchema) {
        self.schema = schema
        self.plans = CoercionPlan.build(for: schema)
    }

    /// The coerced value and the log of what changed.
    public func coerce(_ value: Value) -> (value: Value, coercions: [Coercion]) {
        var log: [Coercion] = []
        var path: [PathComponent] = []
        var current = value
        if case .object(let object) = value, let unwrapped = unwrapResponse(object, &log) {
            current = .object(unwrapped)
        }
        let result = coerce(current, schema.root, &path, &log, depth: 0)
        return (result, log)
    }

    /// `{"response": "<json text>"}` where required keys are missing → the inner object's keys merged in.
    func unwrapResponse(_ object: ValueObject, _ log: inout [Coercion]) -> ValueObject? {
        guard case .string(let text)? = object["response"] else { return nil }
        let required = plans[schema.root].required
        let missing = required.filter { !object.contains($0) }
        guard !missing.isEmpty, case .success(let parsed) = ResponseParser.parse(text),
              case .object(let inner) = parsed.value, missing.contains(where: { inner.contains($0) }) else { return nil }
        var merged = object
        for (key, value) in inner where !merged.contains(key) || key == "response" {
            merged[key] = value
        }
        if !inner.contains("response") { merged.removeValue(forKey: "response") }
        log.append(Coercion(path: "$.response", from: .string(text), to: .object(inner)))
        return merged
    }

    static let maxDepth = 200

    func coerce(_ value: Value, _ node: Int, _ path: inout [PathComponent], _ log: inout [Coercion], depth: Int) -> Value {
        let plan = plans[node]
        if plan.isTrivial || depth > Self.maxDepth { return value }
        var value = value
        if let types = plan.types {
            value = coerceScalar(value, to: types, plan: plan, &path, &log, depth: depth)
        }
        if let options = plan.enumValues, case .string(let text) = value,
           let canonical = Self.normalizedEnum(text, options) {
            log.append(Coercion(path: PathComponent.render(path), from: value, to: canonical))
            value = canonical
        }
        // Every change is logged, so an unchanged log length means an unchanged value (no deep comparison).
        switch value {
        case .object(var object):
            guard !plan.properties.isEmpty || !plan.patternProperties.isEmpty || plan.additionalProperties != nil else { break }
            let before = log.count
            let keys = object.keys
            for i in keys.indices {
                let key = keys[i]
                let logged = log.count
                var item = object.values[i]
                var matched = false
                path.append(.key(key))
                if let child = plan.properties[key] {
                    matched = true
                    item = coerce(item, child, &path, &log, depth: depth + 1)
                }
                for (pattern, child) in plan.patternProperties where pattern.matches(key) {
                    matched = true
                    item = coerce(item, child, &path, &log, depth: depth + 1)
                }
                if !matched, let additional = plan.additionalProperties {
                    item = coerce(item, additional, &path, &log, depth: depth + 1)
                }
                path.removeLast()
                if log.count != logged { object[key] = item }
            }
            if log.count != before { value = .object(object) }
        case .array(var items):
            guard !plan.prefixItems.isEmpty || plan.items != nil else { break }
            let before = log.count
            for i in items.indices {
                let child = i < plan.prefixItems.count ? plan.prefixItems[i] : plan.items
                guard let child else { continue }
                let logged = log.count
                path.append(.index(i))
                let coerced = coerce(items[i], child, &path, &log, depth: depth + 1)
                path.removeLast()
                if log.count != logged { items[i] = coerced }
            }
            if log.count != before { value = .array(items) }
        default:
            break
        }
        if !plan.branches.isEmpty {
            value = coerceThroughBranches(value, plan.branches, &path, &log, depth: depth)
        }
        return value
    }

    /// Coerces into the one `anyOf`/`oneOf` branch the value can belong to; does nothing when ambiguous.
    func coerceThroughBranches(_ value: Value, _ branches: [Int], _ path: inout [PathComponent],
                               _ log: inout [Coercion], depth: Int) -> Value {
        let admitting = branches.filter { plans[$0].types.map { SchemaEvaluator.matches(value, $0) } ?? true }
        if admitting.count == 1, let only = admitting.first {
            return coerce(value, only, &path, &log, depth: depth + 1)
        }
        guard admitting.isEmpty else { return value }
        var results: [(Value, [Coercion])] = []
        for branch in branches {
            var branchLog: [Coercion] = []
            let coerced = coerce(value, branch, &path, &branchLog, depth: depth + 1)
            if !branchLog.isEmpty, plans[branch].types.map({ SchemaEvaluator.matches(coerced, $0) }) ?? true {
                results.append((coerced, branchLog))
            }
        }
        guard results.count == 1, let (coerced, branchLog) = results.first else { return value }
        log.append(contentsOf: branchLog)
        return coerced
    }
}
