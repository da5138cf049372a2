import Foundation
import Basics

/// One compiled (sub)schema: a boolean schema or an ordered list of keywords to check.
///
/// Invariants: nodes live in `CompiledSchema.nodes` and refer to each other by index, so the graph may be
/// cyclic (recursive `$ref`s) while staying an immutable value. Keywords that need the annotations of their
/// siblings (`unevaluatedItems`, `unevaluatedProperties`) come last. `location` is the node's absolute
/// schema location (`uri#/json/pointer`, or `#/pointer` inside the root document).
/// A final class with constant fields so that the evaluator reads a node through one reference instead of
/// copying (and retaining) every field.
final class SchemaNode: Sendable {
    /// `true`/`false` schemas need no keywords; everything else is `.keywords`.
    enum Kind: Sendable { case alwaysValid, alwaysInvalid, keywords }
    let kind: Kind
    let keywords: [Keyword]
    let location: String
    /// Index into `JSONSchema.resources` of the schema resource this node belongs to.
    let resource: Int?
    /// The raw schema, kept for error messages that quote it (`not`, `oneOf`).
    let raw: Value
    /// Set when the node's only keyword is `type`: then a matching instance passes without further work.
    let onlyType: JSONTypeSet?

    init(kind: Kind = .alwaysValid, keywords: [Keyword] = [], location: String = "", resource: Int? = nil,
         raw: Value = .bool(true)) {
        self.kind = kind
        self.keywords = keywords
        self.location = location
        self.resource = resource
        self.raw = raw
        if keywords.count == 1, case .type(let set, _) = keywords[0].check { onlyType = set } else { onlyType = nil }
    }
}

/// A compiled keyword. Numbers keep their JSON kind so that comparisons can be exact.
struct Keyword: Sendable {
    var name: String
    var check: Check
}

/// The primitive JSON types as a bit set (`integer` is a subset of `number`).
struct JSONTypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = JSONTypeSet(rawValue: 1)
    static let boolean = JSONTypeSet(rawValue: 2)
    static let integer = JSONTypeSet(rawValue: 4)
    static let number = JSONTypeSet(rawValue: 8)
    static let string = JSONTypeSet(rawValue: 16)
    static let array = JSONTypeSet(rawValue: 32)
    static let object = JSONTypeSet(rawValue: 64)

    static func named(_ name: String) -> JSONTypeSet? {
        switch name {
        case "null": return .null
        case "boolean": return .boolean
        case "integer": return .integer
        case "number": return .number
        case "string": return .string
        case "array": return .array
        case "object": return .object
        default: return nil
        }
    }
}

/// A regular expression compiled once, with the source it came from.
struct CompiledPattern: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as thread-safe; the wrapper only adds Sendable.
    let source: String
    let regex: NSRegularExpression

    func matches(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        return regex.firstMatch(in: text, options: [], range: range) != nil
    }
}

/// What a keyword checks, with its operands resolved at compile time: subschemas as node indices, regexes
/// compiled, numbers kept as written (int or double) so that comparisons are exact.
enum Check: Sendable {
    case type(JSONTypeSet, names: [String])
    case enumeration([Value])
    case constant(Value)
    case multipleOf(Value)
    case maximum(Value), exclusiveMaximum(Value), minimum(Value), exclusiveMinimum(Value)
    case maxLength(Int), minLength(Int)
    case pattern(CompiledPattern)
    case format(String)
    case maxItems(Int), minItems(Int), uniqueItems
    case maxProperties(Int), minProperties(Int)
    case required([String])
    case dependentRequired([(String, [String])])
    case ref(Int)
    case dynamicRef(Int, anchor: String?)
    case allOf([Int]), anyOf([Int]), oneOf([Int])
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)
    case dependentSchemas([(String, Int)])
    case prefixItems([Int])
    case items(Int, after: Int)
    case contains(Int, min: Int, max: Int?)
    /// In schema order (errors are reported in that order, as Python jsonschema does).
    case properties([(String, Int)])
    case patternProperties([(CompiledPattern, Int)])
    case additionalProperties(Int, known: Set<String>, patterns: [CompiledPattern], patternSources: [String]?)
    case propertyNames(Int)
    case unevaluatedItems(Int)
    case unevaluatedProperties(Int)
}

/// A schema resource (a document root or a subschema with `$id`) and its `$dynamicAnchor`s.
struct SchemaResource: Sendable {
    var uri: String
    var dynamicAnchors: [String: Int] = [:]
}
