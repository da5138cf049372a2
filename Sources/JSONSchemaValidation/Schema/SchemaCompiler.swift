import Foundation
import Basics

/// Turns indexed schema documents into the node graph of a `CompiledSchema`.
///
/// Invariants: each subschema (by canonical location) is compiled once; a node index is reserved before its
/// keywords are compiled, so recursive references terminate. Problems in the schema (bad keyword values,
/// unresolvable references, invalid regexes) are collected as diagnostics located by JSON path; the
/// compiler never traps on them.
struct SchemaCompiler {
    var index = SchemaIndex()
    let registry: SchemaRegistry
    let rootURI: String
    var nodes: [SchemaNode] = []
    var resources: [SchemaResource] = []
    var resourceByURI: [String: Int] = [:]
    var cache: [String: Int] = [:]
    var problems: [SchemaProblem] = []
    var warnings: [SchemaProblem] = []
    var usesUnevaluated = false
    var regexCache: [String: CompiledPattern] = [:]

    init(registry: SchemaRegistry, rootURI: String) {
        self.registry = registry
        self.rootURI = stripFragment(rootURI)
    }

    /// Compiles the subschema `entry`, returning its node index.
    mutating func compile(_ entry: SchemaIndex.Entry) -> Int {
        if let existing = cache[entry.canonical] { return existing }
        let nodeIndex = nodes.count
        nodes.append(SchemaNode())
        cache[entry.canonical] = nodeIndex
        let resourceIndex = resource(for: entry.resourceURI)
        var kind = SchemaNode.Kind.keywords
        var keywords: [Keyword] = []
        switch entry.value {
        case .bool(let b):
            kind = b ? .alwaysValid : .alwaysInvalid
        case .object(let object):
            keywords = compileKeywords(object, entry: entry)
        default:
            report("schema.invalid-schema", "a schema must be an object or a boolean, not \(entry.value.jsonTypeName)", entry)
            kind = .alwaysValid
        }
        nodes[nodeIndex] = SchemaNode(kind: kind, keywords: keywords, location: entry.canonical,
                                      resource: resourceIndex, raw: entry.value)
        return nodeIndex
    }

    /// The resource index for `uri`, compiling its `$dynamicAnchor`s on first use.
    mutating func resource(for uri: String) -> Int {
        if let existing = resourceByURI[uri] { return existing }
        let resourceIndex = resources.count
        resources.append(SchemaResource(uri: uri))
        resourceByURI[uri] = resourceIndex
        for (name, canonical) in index.dynamicAnchors[uri] ?? [:] {
            guard let anchored = index.entries[canonical] else { continue }
            let node = compile(anchored)
            resources[resourceIndex].dynamicAnchors[name] = node
        }
        return resourceIndex
    }

    /// Compiles the child at `token` (already escaped, e.g. `properties/a`) of `entry`.
    mutating func child(_ token: String, of entry: SchemaIndex.Entry) -> Int {
        let key = entry.resourceURI + "#" + entry.pointer + "/" + token
        if let childEntry = index.entries[key] { return compile(childEntry) }
        report("schema.internal", "internal: subschema \(key) was not indexed", entry)
        return compile(SchemaIndex.Entry(value: .bool(true), baseURI: entry.baseURI, canonical: "missing:" + key,
                                         resourceURI: entry.resourceURI, pointer: entry.pointer + "/" + token,
                                         validationVocabulary: true))
    }

    mutating func reference(_ ref: String, keyword: String, of entry: SchemaIndex.Entry) -> Int? {
        let target = resolveURI(ref, against: entry.baseURI)
        if let found = index.lookup(target, registry: registry) { return compile(found) }
        report("schema.unresolvable-ref", "cannot resolve \(keyword) '\(ref)' (resolved to '\(target)')",
               entry, keyword: keyword)
        return nil
    }

    mutating func pattern(_ source: String, entry: SchemaIndex.Entry, keyword: String) -> CompiledPattern? {
        if let cached = regexCache[source] { return cached }
        guard let compiled = ECMARegex.compile(source) else {
            report("schema.invalid-regex", "'\(source)' is not a valid regular expression", entry, keyword: keyword)
            return nil
        }
        regexCache[source] = compiled
        return compiled
    }

    mutating func report(_ id: String, _ message: String, _ entry: SchemaIndex.Entry, keyword: String? = nil) {
        var pointer = entry.pointer
        if let keyword { pointer += "/" + JSONPointer.escape(keyword) }
        // Only problems in the root document can be located in the file being loaded.
        let inRoot = entry.resourceURI == rootURI
        problems.append(SchemaProblem(id: id, message: message, pointer: inRoot ? pointer : entry.resourceURI + "#" + pointer))
    }
}
