import Basics

/// Builds a valid instance of a JSON Schema, deterministically from a seed: the offline mock provider's
/// answer when a step has no `mock:` expressions.
///
/// Supported (draft 2020-12 subset): boolean schemas, `type` (a name or a list: the first non-null type),
/// `properties` (all are produced, in order), `required` (missing ones get a string), `enum`, `const`,
/// `minimum`/`maximum`/`exclusiveMinimum`/`exclusiveMaximum`/`multipleOf`, `minLength`/`maxLength`,
/// `format` (date, date-time, email, uri, uuid), `items`/`prefixItems`, `minItems`/`maxItems`,
/// `uniqueItems` for enums, `$ref` to `#/$defs/…` or `#/definitions/…`, `anyOf`/`oneOf` (first branch),
/// `allOf` (object branches merged). Not supported: `pattern`, `not`, `if`/`then`, dependent keywords.
///
/// Invariants: the same schema and seed give the same value; the result satisfies every supported keyword
/// of the schema; recursion deeper than `maxDepth` yields `null` (a recursive schema must allow it);
/// absurd bounds are clamped (numbers to ±1e15, `minLength` to 100 000, `minItems` to 10 000), never trapped on.
public struct SchemaAnswerSynthesizer: Sendable {
    public var seed: UInt64
    public var maxDepth = 24

    public init(seed: UInt64) { self.seed = seed }

    public func synthesize(_ schema: Value) -> Value {
        var generator = SeededGenerator(seed: seed)
        return instance(of: schema, root: schema, depth: 0, using: &generator)
    }

    private static let words = ["mock", "answer", "lorem", "ipsum", "dolor", "sit", "amet", "sailor", "ship",
                                "harbor", "card", "dealer", "tavern", "lantern", "quiet", "brave"]

    private func instance(of schema: Value, root: Value, depth: Int, using g: inout SeededGenerator) -> Value {
        if case .bool(let allowed) = schema { return allowed ? .string("mock") : .null }
        guard depth < maxDepth, case .object(let s) = schema else { return .null }
        if let ref = s["$ref"]?.stringValue, let target = resolve(ref, in: root) {
            return instance(of: target, root: root, depth: depth + 1, using: &g)
        }
        if let constant = s["const"] { return constant }
        if let options = s["enum"]?.arrayValue, !options.isEmpty {
            return options[Int(g.next() % UInt64(options.count))]
        }
        for key in ["anyOf", "oneOf"] {
            if let first = s[key]?.arrayValue?.first {
                return instance(of: merged(s, removing: key, with: first), root: root, depth: depth + 1, using: &g)
            }
        }
        if let branches = s["allOf"]?.arrayValue, !branches.isEmpty {
            var combined = s
            combined.removeValue(forKey: "allOf")
            for case .object(let branch) in branches { combined = Self.mergeSchemas(combined, branch) }
            return instance(of: .object(combined), root: root, depth: depth + 1, using: &g)
        }
        switch Self.type(of: s) {
        case "object": return object(s, root: root, depth: depth, using: &g)
        case "array": return array(s, root: root, depth: depth, using: &g)
        case "integer": return integer(s, using: &g)
        case "number": return number(s, using: &g)
        case "boolean": return .bool(g.next() & 1 == 1)
        case "null": return .null
        default: return string(s, using: &g)
        }
    }

    static func type(of s: ValueObject) -> String {
        switch s["type"] {
        case .string(let name)?: return name
        case .array(let names)?:
            return names.compactMap(\.stringValue).first { $0 != "null" } ?? "null"
        default:
            if s["properties"] != nil || s["required"] != nil { return "object" }
            if s["items"] != nil || s["prefixItems"] != nil || s["minItems"] != nil { return "array" }
            if s["minimum"] != nil || s["maximum"] != nil { return "number" }
            return "string"
        }
    }

    private func object(_ s: ValueObject, root: Value, depth: Int, using g: inout SeededGenerator) -> Value {
        var result = ValueObject()
        if let properties = s["properties"]?.objectValue {
            for (name, propertySchema) in properties {
                result[name] = instance(of: propertySchema, root: root, depth: depth + 1, using: &g)
            }
        }
        for case .string(let name) in s["required"]?.arrayValue ?? [] where result[name] == nil {
            result[name] = .string("mock")
        }
        return .object(result)
    }

    private func array(_ s: ValueObject, root: Value, depth: Int, using g: inout SeededGenerator) -> Value {
        let prefix = s["prefixItems"]?.arrayValue ?? []
        let minItems = min(max(s["minItems"]?.intValue ?? 0, 0), 10_000)
        let maxItems = min(s["maxItems"]?.intValue ?? max(minItems, prefix.count) + 3, minItems + 10_000)
        let low = max(minItems, min(prefix.count, maxItems))
        let count = low >= maxItems ? low : low + Int(g.next() % UInt64(maxItems - low + 1))
        let itemSchema = s["items"] ?? .object([:])
        if s["uniqueItems"]?.boolValue == true, let options = itemSchema["enum"]?.arrayValue {
            return .array(Array(options.prefix(count)))
        }
        var items: [Value] = []
        for i in 0..<count {
            let schema = i < prefix.count ? prefix[i] : itemSchema
            var value = instance(of: schema, root: root, depth: depth + 1, using: &g)
            if s["uniqueItems"]?.boolValue == true, case .string(let text) = value { value = .string("\(text) \(i)") }
            items.append(value)
        }
        return .array(items)
    }

    private func integer(_ s: ValueObject, using g: inout SeededGenerator) -> Value {
        var low = Self.bound(s["minimum"]).map { Int($0.rounded(.up)) }
        if let exclusive = Self.bound(s["exclusiveMinimum"]) {
            low = max(low ?? Int.min, Int(exclusive.rounded(.down)) + 1)
        }
        var high = Self.bound(s["maximum"]).map { Int($0.rounded(.down)) }
        if let exclusive = Self.bound(s["exclusiveMaximum"]) {
            high = min(high ?? Int.max, Int(exclusive.rounded(.up)) - 1)
        }
        let lo = low ?? min(0, high ?? 0)
        let hi = max(lo, high ?? lo + 100)
        var value = lo + Int(g.next() % UInt64(min(hi - lo, 1_000_000) + 1))
        if let step = s["multipleOf"]?.intValue, step > 0 {
            let rounded = ((value + step - 1) / step) * step
            value = rounded <= hi ? rounded : ((value / step) * step >= lo ? (value / step) * step : value)
        }
        return .int(value)
    }

    /// A numeric keyword as a finite Double clamped to ±1e15 (so integer arithmetic cannot overflow).
    static func bound(_ value: Value?) -> Double? {
        guard let number = value?.numberValue, number.isFinite else { return nil }
        return min(max(number, -1e15), 1e15)
    }

    private func number(_ s: ValueObject, using g: inout SeededGenerator) -> Value {
        let minimum = Self.bound(s["minimum"]) ?? Self.bound(s["exclusiveMinimum"])
        let maximum = Self.bound(s["maximum"]) ?? Self.bound(s["exclusiveMaximum"])
        let lo = minimum ?? min(0, maximum ?? 0)
        let hi = max(lo, maximum ?? lo + 100)
        // Two decimals, strictly inside exclusive bounds.
        var value = ((lo + (hi - lo) * g.unit()) * 100).rounded() / 100
        if s["exclusiveMinimum"] != nil, value <= lo { value = lo + (hi - lo) / 2 }
        if s["exclusiveMaximum"] != nil, value >= hi { value = lo + (hi - lo) / 2 }
        value = min(max(value, lo), hi)
        return .double(value)
    }

    private func string(_ s: ValueObject, using g: inout SeededGenerator) -> Value {
        let minLength = min(max(s["minLength"]?.intValue ?? 0, 0), 100_000)
        let maxLength = s["maxLength"]?.intValue
        switch s["format"]?.stringValue {
        case "date": return .string("2024-01-01")
        case "date-time": return .string("2024-01-01T00:00:00Z")
        case "email": return .string("mock@example.com")
        case "uri", "url": return .string("https://example.com/mock")
        case "uuid": return .string("00000000-0000-4000-8000-000000000000")
        default: break
        }
        var text = Self.words[Int(g.next() % UInt64(Self.words.count))]
        let target = max(minLength, maxLength.map { min($0, 12) } ?? 12)
        while text.count < target { text += " " + Self.words[Int(g.next() % UInt64(Self.words.count))] }
        if let maxLength, text.count > maxLength { text = String(text.prefix(maxLength)) }
        while text.count < minLength { text += "x" }
        return .string(text)
    }

    private func resolve(_ ref: String, in root: Value) -> Value? {
        guard ref.hasPrefix("#") else { return nil }
        var node = root
        for token in ref.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let key = String(token).replacing("~1", with: "/").replacing("~0", with: "~")
            guard let next = node[key] else { return nil }
            node = next
        }
        return node
    }

    private func merged(_ s: ValueObject, removing key: String, with branch: Value) -> Value {
        guard case .object(let b) = branch else { return branch }
        var base = s
        base.removeValue(forKey: key)
        return .object(Self.mergeSchemas(base, b))
    }

    static func mergeSchemas(_ a: ValueObject, _ b: ValueObject) -> ValueObject {
        var result = a
        for (key, value) in b {
            if key == "properties", let left = result[key]?.objectValue, let right = value.objectValue {
                result[key] = .object(left.merging(right))
            } else if key == "required", let left = result[key]?.arrayValue, let right = value.arrayValue {
                result[key] = .array(left + right.filter { !left.contains($0) })
            } else {
                result[key] = value
            }
        }
        return result
    }
}
