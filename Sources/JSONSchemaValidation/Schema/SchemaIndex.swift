import Foundation
import Basics

/// Every addressable subschema of the loaded documents, by absolute URI (`resource#/pointer`,
/// `resource#anchor`), computed before compilation so that `$ref`s can point anywhere, forwards or
/// backwards, into any document of the registry.
///
/// Invariants: only keywords whose values are schemas are walked (a `$id` inside `enum` or an unknown
/// keyword is not an identifier); each subschema is stored under its pointer from *every* enclosing
/// resource, and `canonical` names it uniquely (innermost resource + pointer) for the compile cache.
struct SchemaIndex {
    /// A subschema with what compiling it needs: its base URI for relative references, and its canonical
    /// key (unique per subschema, whichever URI reached it).
    struct Entry {
        var value: Value
        var baseURI: String
        var canonical: String
        /// The innermost enclosing resource URI and the pointer from it.
        var resourceURI: String
        var pointer: String
        var validationVocabulary: Bool
    }

    var entries: [String: Entry] = [:]
    /// Resource URI → `$dynamicAnchor` name → canonical key of the anchored subschema.
    var dynamicAnchors: [String: [String: String]] = [:]
    var indexedDocuments: Set<String> = []

    static let schemaKeywords: Set<String> = [
        "additionalProperties", "items", "contains", "not", "if", "then", "else", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    ]
    static let schemaArrayKeywords: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
    static let schemaMapKeywords: Set<String> = ["$defs", "properties", "patternProperties", "dependentSchemas"]

    /// Indexes `document` retrieved from `uri`, once.
    mutating func indexDocument(_ document: Value, uri: String, registry: SchemaRegistry) {
        let uri = stripFragment(uri)
        guard !indexedDocuments.contains(uri) else { return }
        indexedDocuments.insert(uri)
        let vocabulary = Self.validationVocabularyEnabled(document, registry: registry)
        walk(document, base: uri, stack: [(uri, "")], validation: vocabulary)
    }

    /// False when the document's `$schema` is a meta-schema whose `$vocabulary` omits the validation vocabulary.
    static func validationVocabularyEnabled(_ document: Value, registry: SchemaRegistry) -> Bool {
        guard case .string(let metaURI)? = document["$schema"], stripFragment(metaURI) != MetaSchemas.draft202012,
              let meta = registry.document(at: metaURI), case .object(let vocabularies)? = meta["$vocabulary"]
        else { return true }
        return vocabularies.contains("https://json-schema.org/draft/2020-12/vocab/validation")
    }

    private mutating func walk(_ value: Value, base: String, stack: [(String, String)], validation: Bool) {
        var base = base
        var stack = stack
        let object = value.objectValue
        if case .string(let id)? = object?["$id"] {
            base = stripFragment(resolveURI(id, against: base))
            stack.append((base, ""))
        }
        guard let innermost = stack.last else { return }
        let canonical = innermost.0 + "#" + innermost.1
        let entry = Entry(value: value, baseURI: base, canonical: canonical, resourceURI: innermost.0,
                          pointer: innermost.1, validationVocabulary: validation)
        for (resource, pointer) in stack where entries[resource + "#" + pointer] == nil {
            entries[resource + "#" + pointer] = entry
        }
        guard let object else { return }
        if case .string(let anchor)? = object["$anchor"] {
            entries[base + "#" + anchor] = entry
        }
        if case .string(let anchor)? = object["$dynamicAnchor"] {
            if entries[base + "#" + anchor] == nil { entries[base + "#" + anchor] = entry }
            dynamicAnchors[base, default: [:]][anchor] = canonical
        }
        for (key, child) in object {
            let token = "/" + JSONPointer.escape(key)
            if Self.schemaKeywords.contains(key) {
                walk(child, base: base, stack: stack.map { ($0.0, $0.1 + token) }, validation: validation)
            } else if Self.schemaArrayKeywords.contains(key), case .array(let items) = child {
                for (i, item) in items.enumerated() {
                    walk(item, base: base, stack: stack.map { ($0.0, $0.1 + token + "/\(i)") }, validation: validation)
                }
            } else if Self.schemaMapKeywords.contains(key), case .object(let map) = child {
                for (name, item) in map {
                    let path = token + "/" + JSONPointer.escape(name)
                    walk(item, base: base, stack: stack.map { ($0.0, $0.1 + path) }, validation: validation)
                }
            }
        }
    }

    /// The entry a resolved absolute reference (`uri#fragment`) names, loading registry documents on demand.
    mutating func lookup(_ reference: String, registry: SchemaRegistry) -> Entry? {
        let (resource, fragment) = Self.split(reference)
        let key = resource + "#" + fragment
        if let entry = entries[key] { return entry }
        if !indexedDocuments.contains(resource), let document = registry.document(at: resource) {
            indexDocument(document, uri: resource, registry: registry)
            if let entry = entries[key] { return entry }
        }
        // A pointer into a place the walk does not visit (e.g. an unknown keyword): walk the raw document.
        // Index that subtree on demand (under this resource and pointer) so its own subschemas resolve too.
        guard fragment.hasPrefix("/"), let root = entries[resource + "#"],
              let target = JSONPointer.resolve(fragment, in: root.value) else { return nil }
        walk(target, base: root.baseURI, stack: [(resource, fragment)], validation: root.validationVocabulary)
        return entries[key]
    }

    /// Splits an absolute reference into resource URI and percent-decoded fragment.
    static func split(_ reference: String) -> (String, String) {
        guard let hash = reference.firstIndex(of: "#") else { return (reference, "") }
        let raw = String(reference[reference.index(after: hash)...])
        return (String(reference[..<hash]), raw.removingPercentEncoding ?? raw)
    }
}
