import Basics

/// Checks a schema document against the Draft 2020-12 meta-schema (itself compiled once by this module).
///
/// Invariants: only documents that declare no `$schema` or the 2020-12 one are checked (a custom
/// meta-schema is honoured for vocabularies but not used for this check); the result is a list of
/// problems located by JSON Pointer, empty when the schema is valid.
enum MetaSchemaCheck {
    static let compiled: JSONSchema? = try? JSONSchema.compile(
        MetaSchemas.parsedDocuments[MetaSchemas.draft202012] ?? .bool(true),
        baseURI: MetaSchemas.draft202012,
        options: JSONSchema.Options(checkAgainstMetaSchema: false))

    static func problems(for document: Value) -> [SchemaProblem] {
        if case .string(let declared)? = document["$schema"], stripFragment(declared) != MetaSchemas.draft202012 {
            return []
        }
        guard let compiled else {
            return [SchemaProblem(id: "schema.internal", message: "the embedded meta-schema did not compile", pointer: "")]
        }
        return compiled.validate(document).map { error in
            SchemaProblem(id: "schema.invalid-keyword", message: error.message, pointer: pointer(from: error.instancePath, in: document))
        }
    }

    /// Converts `$.a.b[0]` back into a JSON Pointer by walking the document (keys may contain dots).
    static func pointer(from path: String, in document: Value) -> String {
        var rest = Substring(path.dropFirst())
        var current = document
        var pointer = ""
        while !rest.isEmpty {
            if rest.hasPrefix("["), let close = rest.firstIndex(of: "]"), let i = Int(rest[rest.index(after: rest.startIndex)..<close]) {
                pointer += "/\(i)"
                current = current.arrayValue.flatMap { i < $0.count ? $0[i] : nil } ?? .null
                rest = rest[rest.index(after: close)...]
                continue
            }
            rest = rest.dropFirst()
            // The longest key of the current object that prefixes the rest of the path.
            let keys = current.objectValue?.keys ?? []
            guard let key = keys.filter({ rest.hasPrefix($0) }).max(by: { $0.count < $1.count }) else { break }
            pointer += "/" + JSONPointer.escape(key)
            current = current[key] ?? .null
            rest = rest.dropFirst(key.count)
        }
        return pointer
    }
}
