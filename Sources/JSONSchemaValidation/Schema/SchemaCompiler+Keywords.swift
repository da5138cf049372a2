import Basics

extension SchemaCompiler {
    static let validationKeywords: Set<String> = [
        "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains",
        "minContains", "maxProperties", "minProperties", "required", "dependentRequired",
    ]

    /// Every keyword of the Draft 2020-12 vocabularies (plus a few older ones still commonly written).
    static let knownKeywords: Set<String> = Set([
        "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment", "$defs",
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "prefixItems", "items",
        "contains", "properties", "patternProperties", "additionalProperties", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "format", "title", "description", "default", "deprecated",
        "readOnly", "writeOnly", "examples", "contentEncoding", "contentMediaType", "contentSchema",
        "definitions", "dependencies", "$recursiveRef", "$recursiveAnchor",
    ]).union(validationKeywords)

    /// Compiles the keywords of one schema object, in document order, `unevaluated*` last.
    mutating func compileKeywords(_ object: ValueObject, entry: SchemaIndex.Entry) -> [Keyword] {
        var keywords: [Keyword] = []
        var last: [Keyword] = []
        let prefixCount = object["prefixItems"]?.arrayValue?.count ?? 0
        for (name, value) in object {
            if !Self.knownKeywords.contains(name), entry.resourceURI == rootURI,
               let suggestion = EditDistance.suggestion(for: name, from: Self.knownKeywords) {
                let pointer = entry.pointer + "/" + JSONPointer.escape(name)
                warnings.append(SchemaProblem(id: "schema.unknown-keyword",
                                              message: "unknown keyword '\(name)' is ignored; did you mean '\(suggestion)'?",
                                              pointer: pointer))
            }
            if !entry.validationVocabulary && Self.validationKeywords.contains(name) { continue }
            guard let check = compileKeyword(name, value, object: object, entry: entry, prefixCount: prefixCount)
            else { continue }
            let keyword = Keyword(name: name, check: check)
            if name == "unevaluatedItems" || name == "unevaluatedProperties" {
                usesUnevaluated = true
                last.append(keyword)
            } else {
                keywords.append(keyword)
            }
        }
        return keywords + last
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private mutating func compileKeyword(_ name: String, _ value: Value, object: ValueObject,
                                         entry: SchemaIndex.Entry, prefixCount: Int) -> Check? {
        func bad(_ expected: String) -> Check? {
            report("schema.invalid-keyword", "'\(name)' must be \(expected), not \(value.pythonRepr)", entry, keyword: name)
            return nil
        }
        func count() -> Int? {
            switch value {
            case .int(let i) where i >= 0: return i
            case .double(let d) where d >= 0 && d == d.rounded() && d < 9e18: return Int(d)
            default: return nil
            }
        }
        func isNumber() -> Bool {
            switch value {
            case .int, .double: return true
            default: return false
            }
        }
        switch name {
        case "type":
            let names: [String]
            if case .string(let single) = value {
                names = [single]
            } else if case .array(let items) = value, items.allSatisfy({ $0.stringValue != nil }) {
                names = items.compactMap(\.stringValue)
            } else {
                return bad("a type name or an array of type names")
            }
            var set: JSONTypeSet = []
            for typeName in names {
                guard let type = JSONTypeSet.named(typeName) else {
                    let hint = EditDistance.suggestion(for: typeName, from: ["null", "boolean", "integer", "number", "string", "array", "object"])
                    report("schema.invalid-keyword", "unknown type '\(typeName)'" + (hint.map { "; did you mean '\($0)'?" } ?? ""),
                           entry, keyword: name)
                    return nil
                }
                set.insert(type)
            }
            return .type(set, names: names)
        case "enum":
            guard case .array(let options) = value else { return bad("an array") }
            return .enumeration(options)
        case "const":
            return .constant(value)
        case "multipleOf":
            guard isNumber(), (value.numberValue ?? 0) > 0 else { return bad("a number greater than 0") }
            return .multipleOf(value)
        case "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum":
            guard isNumber() else { return bad("a number") }
            switch name {
            case "maximum": return .maximum(value)
            case "exclusiveMaximum": return .exclusiveMaximum(value)
            case "minimum": return .minimum(value)
            default: return .exclusiveMinimum(value)
            }
        case "maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties":
            guard let n = count() else { return bad("a non-negative integer") }
            switch name {
            case "maxLength": return .maxLength(n)
            case "minLength": return .minLength(n)
            case "maxItems": return .maxItems(n)
            case "minItems": return .minItems(n)
            case "maxProperties": return .maxProperties(n)
            default: return .minProperties(n)
            }
        case "maxContains", "minContains":
            guard count() != nil else { return bad("a non-negative integer") }
            return nil
        case "pattern":
            guard case .string(let source) = value else { return bad("a string") }
            return pattern(source, entry: entry, keyword: name).map { .pattern($0) }
        case "format":
            guard case .string(let format) = value else { return bad("a string") }
            return .format(format)
        case "uniqueItems":
            guard case .bool(let unique) = value else { return bad("a boolean") }
            return unique ? .uniqueItems : nil
        case "required":
            guard case .array(let items) = value, items.allSatisfy({ $0.stringValue != nil }) else {
                return bad("an array of strings")
            }
            return .required(items.compactMap(\.stringValue))
        case "dependentRequired":
            guard case .object(let map) = value else { return bad("an object") }
            var pairs: [(String, [String])] = []
            for (property, list) in map {
                guard case .array(let items) = list, items.allSatisfy({ $0.stringValue != nil }) else {
                    return bad("an object of string arrays")
                }
                pairs.append((property, items.compactMap(\.stringValue)))
            }
            return .dependentRequired(pairs)
        case "$ref", "$dynamicRef":
            guard case .string(let ref) = value else { return bad("a string") }
            guard let target = reference(ref, keyword: name, of: entry) else { return nil }
            if name == "$ref" { return .ref(target) }
            return .dynamicRef(target, anchor: dynamicAnchorName(ref, entry: entry))
        case "allOf", "anyOf", "oneOf", "prefixItems":
            guard case .array(let items) = value, !items.isEmpty else { return bad("a non-empty array of schemas") }
            let children = items.indices.map { child("\(name)/\($0)", of: entry) }
            switch name {
            case "allOf": return .allOf(children)
            case "anyOf": return .anyOf(children)
            case "oneOf": return .oneOf(children)
            default: return .prefixItems(children)
            }
        case "not", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "items":
            let node = child(name, of: entry)
            switch name {
            case "not": return .not(node)
            case "propertyNames": return .propertyNames(node)
            case "unevaluatedItems": return .unevaluatedItems(node)
            case "unevaluatedProperties": return .unevaluatedProperties(node)
            default: return .items(node, after: prefixCount)
            }
        case "contains":
            let node = child(name, of: entry)
            let minimum = object["minContains"].flatMap(Self.integer) ?? 1
            let maximum = object["maxContains"].flatMap(Self.integer)
            return .contains(node, min: minimum, max: maximum)
        case "if":
            let condition = child("if", of: entry)
            let thenNode = object["then"] == nil ? nil : child("then", of: entry)
            let elseNode = object["else"] == nil ? nil : child("else", of: entry)
            return .conditional(if: condition, then: thenNode, else: elseNode)
        case "properties", "patternProperties", "dependentSchemas", "additionalProperties":
            return compileObjectApplicator(name, value, object: object, entry: entry)
        default:
            return nil
        }
    }

    static func integer(_ value: Value) -> Int? {
        switch value {
        case .int(let i): return i
        case .double(let d) where d == d.rounded() && abs(d) < 9e18: return Int(d)
        default: return nil
        }
    }

    /// The anchor name of a `$dynamicRef` when its initial target carries a matching `$dynamicAnchor`.
    private mutating func dynamicAnchorName(_ ref: String, entry: SchemaIndex.Entry) -> String? {
        let target = resolveURI(ref, against: entry.baseURI)
        let (resource, fragment) = SchemaIndex.split(target)
        guard !fragment.isEmpty, !fragment.hasPrefix("/"),
              index.dynamicAnchors[resource]?[fragment] != nil else { return nil }
        return fragment
    }

    private mutating func compileObjectApplicator(_ name: String, _ value: Value, object: ValueObject,
                                                  entry: SchemaIndex.Entry) -> Check? {
        if name == "additionalProperties" {
            let node = child(name, of: entry)
            let known = Set(object["properties"]?.objectValue?.keys ?? [])
            var patterns: [CompiledPattern] = []
            for source in object["patternProperties"]?.objectValue?.keys ?? [] {
                if let compiled = pattern(source, entry: entry, keyword: "patternProperties") { patterns.append(compiled) }
            }
            return .additionalProperties(node, known: known, patterns: patterns,
                                         patternSources: (object["patternProperties"]?.objectValue?.keys).map { $0.sorted() })
        }
        guard case .object(let map) = value else {
            report("schema.invalid-keyword", "'\(name)' must be an object of schemas", entry, keyword: name)
            return nil
        }
        switch name {
        case "properties":
            let children = map.keys.map { ($0, child("properties/" + JSONPointer.escape($0), of: entry)) }
            return .properties(children)
        case "patternProperties":
            var children: [(CompiledPattern, Int)] = []
            for key in map.keys {
                guard let compiled = pattern(key, entry: entry, keyword: name) else { continue }
                children.append((compiled, child("patternProperties/" + JSONPointer.escape(key), of: entry)))
            }
            return .patternProperties(children)
        default:
            let children = map.keys.map { ($0, child("dependentSchemas/" + JSONPointer.escape($0), of: entry)) }
            return .dependentSchemas(children)
        }
    }
}
