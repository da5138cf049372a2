import Basics

/// An in-memory map of absolute URI → schema document, used to resolve `$ref`s to other schemas.
///
/// Invariants: keys carry no fragment; the Draft 2020-12 meta-schemas are present unless the registry was
/// created with `includingMetaSchemas: false`. A value type: copy it freely, it is Sendable.
public struct SchemaRegistry: Sendable {
    public private(set) var documents: [String: Value] = [:]

    public init(includingMetaSchemas: Bool = true) {
        if includingMetaSchemas { documents = MetaSchemas.parsedDocuments }
    }

    /// Registers `document` under `uri` (its fragment, if any, is ignored).
    public mutating func register(_ document: Value, at uri: String) {
        documents[stripFragment(uri)] = document
    }

    public func document(at uri: String) -> Value? { documents[stripFragment(uri)] }
}

/// The embedded Draft 2020-12 meta-schemas (see `MetaSchemas+Documents.swift`).
///
/// Invariant: `parsedDocuments` holds every embedded document, parsed once, keyed by its `$id`.
public enum MetaSchemas {
    public static let draft202012 = "https://json-schema.org/draft/2020-12/schema"

    static let parsedDocuments: [String: Value] = {
        var map: [String: Value] = [:]
        for (uri, json) in documents {
            if let value = try? JSONReader.parse(json) { map[uri] = value }
        }
        return map
    }()
}
