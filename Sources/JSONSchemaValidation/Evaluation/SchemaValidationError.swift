import Basics

/// One reason an instance does not satisfy a schema.
///
/// Invariants: `instancePath` is in the Python tool's form (`$`, `$.a[0].b`); `schemaPath` is the absolute
/// location of the failing keyword (`#/properties/a/type`, or `uri#/…` in another resource);
/// `keyword` is the failing keyword (`false` for a false schema); `message` follows Python `jsonschema`'s
/// wording (`'a' is not of type 'integer'`), so failure records read like the Python tool's.
public struct SchemaValidationError: Sendable, Hashable, CustomStringConvertible {
    public var instancePath: String
    public var schemaPath: String
    public var keyword: String
    public var message: String
    /// The instance location as a JSON Pointer (`/a/0/b`), for locating the error in the instance text.
    public var instancePointer: String
    /// For a failed `anyOf`/`oneOf`: the errors of each branch, in branch order (Python jsonschema's
    /// `error.context`, which the Python tool also writes into failure records).
    public var context: [SchemaValidationError] = []

    public init(instancePath: String, schemaPath: String, keyword: String, message: String, instancePointer: String = "") {
        self.instancePath = instancePath
        self.instancePointer = instancePointer
        self.schemaPath = schemaPath
        self.keyword = keyword
        self.message = message
    }

    /// `$.a[0]: message (keyword at #/schema/path)`.
    public var description: String { "\(instancePath): \(message) (\(keyword) at \(schemaPath))" }
}

/// One step of an instance path: an object key or an array index.
public enum PathComponent: Sendable, Hashable {
    case key(String)
    case index(Int)

    /// The RFC 6901 pointer of a path (`/a/0/b`).
    public static func pointer(_ components: [PathComponent]) -> String {
        var out = ""
        for component in components {
            switch component {
            case .key(let key): out += "/" + JSONPointer.escape(key)
            case .index(let i): out += "/\(i)"
            }
        }
        return out
    }

    /// `$` followed by `.key` and `[index]` steps, as the Python tool prints paths.
    public static func render(_ components: [PathComponent]) -> String {
        var out = "$"
        for component in components {
            switch component {
            case .key(let key): out += "." + key
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }
}

/// Which instance locations earlier keywords evaluated (for `unevaluatedItems`/`unevaluatedProperties`).
///
/// Invariant: only the annotations of subschemas that *passed* are merged into a parent's.
struct EvaluatedLocations {
    var allProperties = false
    var properties: Set<String> = []
    var allItems = false
    var itemPrefix = 0
    var items: Set<Int> = []

    mutating func merge(_ other: EvaluatedLocations) {
        if other.allProperties { allProperties = true }
        if !other.properties.isEmpty { properties.formUnion(other.properties) }
        if other.allItems { allItems = true }
        itemPrefix = max(itemPrefix, other.itemPrefix)
        if !other.items.isEmpty { items.formUnion(other.items) }
    }

    func isEvaluated(property: String) -> Bool { allProperties || properties.contains(property) }
    func isEvaluated(item: Int) -> Bool { allItems || item < itemPrefix || items.contains(item) }
}
