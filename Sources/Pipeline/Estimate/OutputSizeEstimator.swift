import Basics
import Foundation

/// Estimates how many tokens an answer matching a JSON Schema takes, for the pre-run cost estimate.
///
/// The estimate walks the schema: every property costs its key and punctuation; strings cost the middle of
/// `minLength`…`maxLength` (or `defaultStringCharacters` when unbounded), numbers and booleans a few
/// characters, arrays `minItems`…`maxItems` (or `defaultArrayItems`) elements, enums the longest option.
/// Characters become tokens at `charactersPerToken`. Invariant: the result is positive and finite for any
/// schema, including recursive ones (depth is capped).
public struct OutputSizeEstimator: Sendable {
    public var charactersPerToken = 4.0
    public var defaultStringCharacters = 60.0
    public var defaultArrayItems = 5.0
    public var maximumDepth = 8

    public init() {}

    public func tokens(for schema: Value) -> Int {
        let characters = estimate(schema, root: schema, depth: 0)
        return max(1, Int((characters / charactersPerToken).rounded(.up)))
    }

    /// Tokens for a step without a schema: a short free-form JSON answer.
    public var tokensWithoutSchema: Int { 200 }

    func estimate(_ schema: Value, root: Value, depth: Int) -> Double {
        guard depth < maximumDepth, case .object(let node) = schema else { return 8 }
        if let ref = node["$ref"]?.stringValue, ref.hasPrefix("#/"),
           let target = resolve(pointer: String(ref.dropFirst(2)), in: root) {
            return estimate(target, root: root, depth: depth + 1)
        }
        if case .array(let options)? = node["enum"] {
            return options.map { Double($0.pythonJSON.count) }.max() ?? 8
        }
        if let constant = node["const"] { return Double(constant.pythonJSON.count) }
        for key in ["anyOf", "oneOf", "allOf"] {
            if case .array(let branches)? = node[key], let first = branches.first {
                return estimate(first, root: root, depth: depth + 1)
            }
        }
        let type: String
        switch node["type"] {
        case .string(let t)?: type = t
        case .array(let types)?: type = types.first(where: { $0 != "null" })?.stringValue ?? "null"
        default: type = node["properties"] != nil ? "object" : (node["items"] != nil ? "array" : "string")
        }
        switch type {
        case "object":
            var total = 2.0
            if case .object(let properties)? = node["properties"] {
                for (key, sub) in properties {
                    total += Double(key.count) + 6 + estimate(sub, root: root, depth: depth + 1)
                }
            }
            return total
        case "array":
            let low = node["minItems"]?.numberValue
            let high = node["maxItems"]?.numberValue
            let count: Double
            switch (low, high) {
            case let (l?, h?): count = (l + h) / 2
            case let (l?, nil): count = max(l, defaultArrayItems)
            case let (nil, h?): count = min(h, defaultArrayItems)
            default: count = defaultArrayItems
            }
            let item = node["items"].map { estimate($0, root: root, depth: depth + 1) } ?? 8
            return 2 + count * (item + 2)
        case "integer", "number": return 4
        case "boolean": return 5
        case "null": return 4
        default:
            let low = node["minLength"]?.numberValue ?? 0
            let high = node["maxLength"]?.numberValue
            let length = high.map { (low + $0) / 2 } ?? max(low, defaultStringCharacters)
            return length + 2
        }
    }

    func resolve(pointer: String, in root: Value) -> Value? {
        var current = root
        for part in pointer.split(separator: "/") {
            let key = String(part).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = current[key] else { return nil }
            current = next
        }
        return current
    }
}
