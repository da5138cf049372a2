import Basics

/// What the coercion needs to know about one compiled schema node, gathered once: the node's own
/// keywords merged with those of its `$ref`/`$dynamicRef` targets and `allOf` members (which all apply to
/// the same value), plus the `anyOf`/`oneOf` branches to choose from.
///
/// Invariants: `types == nil` means "no type constraint"; plans are built for every node of a schema,
/// indexed like `JSONSchema.nodes`; building follows references with a visited set, so cycles terminate.
/// A final class with constant fields: reading a plan during coercion costs one retain, not one per field.
final class CoercionPlan: Sendable {
    let types: JSONTypeSet?
    let enumValues: [Value]?
    let required: [String]
    let properties: [String: Int]
    let patternProperties: [(CompiledPattern, Int)]
    let additionalProperties: Int?
    let prefixItems: [Int]
    let items: Int?
    let branches: [Int]
    let isTrivial: Bool

    init(_ b: CoercionPlanBuilder) {
        types = b.types
        enumValues = b.enumValues
        required = b.required
        properties = b.properties
        patternProperties = b.patternProperties
        additionalProperties = b.additionalProperties
        prefixItems = b.prefixItems
        items = b.items
        branches = b.branches
        isTrivial = b.isTrivial
    }

    static func build(for schema: JSONSchema) -> [CoercionPlan] {
        schema.nodes.indices.map { index in
            var builder = CoercionPlanBuilder()
            var visited: Set<Int> = []
            builder.absorb(index, schema: schema, visited: &visited)
            return CoercionPlan(builder)
        }
    }
}

/// The mutable form of a `CoercionPlan` while keywords are being merged.
struct CoercionPlanBuilder {

    var types: JSONTypeSet?
    var enumValues: [Value]?
    var required: [String] = []
    var properties: [String: Int] = [:]
    var patternProperties: [(CompiledPattern, Int)] = []
    var additionalProperties: Int?
    var prefixItems: [Int] = []
    var items: Int?
    var branches: [Int] = []
    /// True when the plan has anything to coerce below or at this node.
    var isTrivial: Bool {
        types == nil && enumValues == nil && properties.isEmpty && patternProperties.isEmpty
            && additionalProperties == nil && prefixItems.isEmpty && items == nil && branches.isEmpty
    }

    mutating func absorb(_ index: Int, schema: JSONSchema, visited: inout Set<Int>) {
        guard visited.insert(index).inserted else { return }
        let node = schema.nodes[index]
        for keyword in node.keywords {
            switch keyword.check {
            case .type(let set, _):
                types = types.map { $0.intersection(set) } ?? set
            case .enumeration(let options):
                if enumValues == nil { enumValues = options }
            case .required(let names):
                required.append(contentsOf: names)
            case .properties(let list):
                for (name, child) in list where properties[name] == nil { properties[name] = child }
            case .patternProperties(let list):
                patternProperties.append(contentsOf: list)
            case .additionalProperties(let child, _, _, _):
                if schema.nodes[child].kind == .keywords, additionalProperties == nil { additionalProperties = child }
            case .prefixItems(let children):
                if prefixItems.isEmpty { prefixItems = children }
            case .items(let child, _):
                if schema.nodes[child].kind == .keywords, items == nil { items = child }
            case .ref(let target), .dynamicRef(let target, _):
                absorb(target, schema: schema, visited: &visited)
            case .allOf(let children):
                for child in children { absorb(child, schema: schema, visited: &visited) }
            case .anyOf(let children), .oneOf(let children):
                branches.append(contentsOf: children)
            default:
                break
            }
        }
    }
}
