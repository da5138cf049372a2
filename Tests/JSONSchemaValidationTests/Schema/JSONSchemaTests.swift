import Testing
import Basics
@testable import JSONSchemaValidation

@Suite struct JSONSchemaTests {
    static func schema(_ json: String, options: JSONSchema.Options = .init(),
                       registry: SchemaRegistry = SchemaRegistry()) throws -> JSONSchema {
        try JSONSchema.compile(JSONReader.parse(json), registry: registry, options: options)
    }

    static func errors(_ schemaJSON: String, _ instanceJSON: String) throws -> [SchemaValidationError] {
        try schema(schemaJSON).validate(JSONReader.parse(instanceJSON))
    }

    struct MessageCase: Sendable, CustomTestStringConvertible {
        var schema: String
        var instance: String
        var path: String
        var keyword: String
        var message: String
        var testDescription: String { keyword + ": " + message }
    }

    /// Messages worded as Python jsonschema 4.x words them (checked against it by hand).
    static let messages: [MessageCase] = [
        .init(schema: #"{"type": "integer"}"#, instance: #""a""#, path: "$", keyword: "type", message: "'a' is not of type 'integer'"),
        .init(schema: #"{"type": ["integer", "null"]}"#, instance: "1.5", path: "$", keyword: "type", message: "1.5 is not of type 'integer', 'null'"),
        .init(schema: #"{"required": ["x"]}"#, instance: "{}", path: "$", keyword: "required", message: "'x' is a required property"),
        .init(schema: #"{"enum": [1, "a"]}"#, instance: "2", path: "$", keyword: "enum", message: "2 is not one of [1, 'a']"),
        .init(schema: #"{"minimum": 3}"#, instance: "1", path: "$", keyword: "minimum", message: "1 is less than the minimum of 3"),
        .init(schema: #"{"exclusiveMaximum": 2}"#, instance: "2", path: "$", keyword: "exclusiveMaximum", message: "2 is greater than or equal to the maximum of 2"),
        .init(schema: #"{"additionalProperties": false}"#, instance: #"{"a": 1, "b": 2}"#, path: "$", keyword: "additionalProperties",
              message: "Additional properties are not allowed ('a', 'b' were unexpected)"),
        .init(schema: #"{"maxLength": 1}"#, instance: #""ab""#, path: "$", keyword: "maxLength", message: "'ab' is too long"),
        .init(schema: #"{"pattern": "^a"}"#, instance: #""b""#, path: "$", keyword: "pattern", message: "'b' does not match '^a'"),
        .init(schema: #"{"const": 3}"#, instance: "1", path: "$", keyword: "const", message: "3 was expected"),
        .init(schema: #"{"anyOf": [{"type": "string"}]}"#, instance: "1", path: "$", keyword: "anyOf", message: "1 is not valid under any of the given schemas"),
        .init(schema: #"{"oneOf": [{}, {}]}"#, instance: "1", path: "$", keyword: "oneOf", message: "1 is valid under each of {}, {}"),
        .init(schema: #"{"not": {}}"#, instance: "1", path: "$", keyword: "not", message: "1 should not be valid under {}"),
        .init(schema: #"{"minItems": 1}"#, instance: "[]", path: "$", keyword: "minItems", message: "[] should be non-empty"),
        .init(schema: #"{"uniqueItems": true}"#, instance: "[1, 1.0]", path: "$", keyword: "uniqueItems", message: "[1, 1.0] has non-unique elements"),
        .init(schema: #"{"multipleOf": 2}"#, instance: "3", path: "$", keyword: "multipleOf", message: "3 is not a multiple of 2"),
        .init(schema: #"{"prefixItems": [{}], "items": false}"#, instance: "[1, 2]", path: "$", keyword: "items",
              message: "Expected at most 1 item but found 1 extra: 2"),
        .init(schema: #"{"unevaluatedProperties": false}"#, instance: #"{"a": 1}"#, path: "$", keyword: "unevaluatedProperties",
              message: "Unevaluated properties are not allowed ('a' was unexpected)"),
        .init(schema: #"{"dependentRequired": {"a": ["b"]}}"#, instance: #"{"a": 1}"#, path: "$", keyword: "dependentRequired",
              message: "'b' is a dependency of 'a'"),
        .init(schema: #"{"contains": {"type": "string"}, "minContains": 2}"#, instance: #"["a", 1]"#, path: "$", keyword: "minContains",
              message: "Too few items match the given schema (expected at least 2 but only 1 matched)"),
        .init(schema: "false", instance: "1", path: "$", keyword: "false", message: "False schema does not allow 1"),
        .init(schema: #"{"properties": {"a": {"items": {"properties": {"b": {"type": "string"}}}}}}"#,
              instance: #"{"a": [{"b": "ok"}, {"b": 2}]}"#, path: "$.a[1].b", keyword: "type", message: "2 is not of type 'string'"),
    ]

    @Test(arguments: messages)
    func errorMessagesAndPaths(_ c: MessageCase) throws {
        let errors = try Self.errors(c.schema, c.instance)
        #expect(errors.count == 1)
        #expect(errors.first?.instancePath == c.path)
        #expect(errors.first?.keyword == c.keyword)
        #expect(errors.first?.message == c.message)
    }

    @Test func schemaPathIsTheKeywordLocation() throws {
        let errors = try Self.errors(##"{"$defs": {"n": {"type": "integer"}}, "properties": {"a": {"$ref": "#/$defs/n"}}}"##, #"{"a": "x"}"#)
        #expect(errors.map(\.schemaPath) == ["#/$defs/n/type"])
    }

    @Test func allErrorsAreCollected() throws {
        let errors = try Self.errors(#"{"properties": {"a": {"type": "string"}, "b": {"minimum": 0}}, "required": ["c"]}"#, #"{"a": 1, "b": -1}"#)
        #expect(errors.map(\.instancePath) == ["$.a", "$.b", "$"])
    }

    @Test(arguments: [
        ("0.0075", "0.0001", true), ("0.00751", "0.0001", false), ("10", "2.5", true), ("1e308", "0.123456789", false),
        ("4.5", "1.5", true), ("0.3", "0.1", true), ("7", "3", false),
    ])
    func multipleOfUsesDecimalArithmetic(_ value: String, _ divisor: String, _ expected: Bool) throws {
        let schema = try Self.schema(#"{"multipleOf": \#(divisor)}"#)
        #expect(schema.isValid(try JSONReader.parse(value)) == expected)
    }

    @Test func equalityIsJSONEquality() throws {
        #expect(try Self.schema(#"{"const": {"a": 1, "b": [1.0]}}"#).isValid(try JSONReader.parse(#"{"b": [1], "a": 1.0}"#)))
        #expect(try !Self.schema(#"{"const": 1}"#).isValid(true))
        #expect(try !Self.schema(#"{"enum": [false]}"#).isValid(0))
    }

    @Test func integerAcceptsIntegralFloats() throws {
        let schema = try Self.schema(#"{"type": "integer"}"#)
        #expect(schema.isValid(5.0))
        #expect(!schema.isValid(5.5))
        #expect(!schema.isValid(true))
    }

    @Test func formatIsAnAnnotationUnlessAsked() throws {
        let json = #"{"format": "date"}"#
        #expect(try Self.schema(json).isValid("not a date"))
        let asserting = try Self.schema(json, options: .init(formatAssertion: true))
        #expect(!asserting.isValid("not a date"))
        #expect(asserting.isValid("2024-02-29"))
        #expect(asserting.isValid(42))
        #expect(asserting.validate("x").first?.message == "'x' is not a 'date'")
    }

    @Test(arguments: [
        ("^\\d+$", "123", true), ("^\\d+$", "١٢٣", false), ("^\\w+$", "héllo", false), ("^[\\d.]+$", "1.5", true),
        ("^\\p{L}+$", "héllo", true), ("a{2}", "xaax", true), ("^abc$", "abc\n", false), ("^abc$", "abc", true),
        ("^[$]+$", "$$", true), ("^\\$\\d$", "$5", true), ("^[\\w-]+$", "a-b_1", true), ("^[\\w]+$", "é", false),
        ("^[\\D]+$", "ab", true), ("^[\\D]+$", "a1", false), ("^[^\\W]+$", "ab", true), ("^[^\\W]+$", "a b", false),
    ])
    func patternsFollowECMA262(_ pattern: String, _ text: String, _ expected: Bool) throws {
        let schema = try Self.schema(JSONWriter.python(["pattern": .string(pattern)]))
        #expect(schema.isValid(.string(text)) == expected)
    }

    @Test func registryResolvesOtherDocuments() throws {
        var registry = SchemaRegistry()
        registry.register(try JSONReader.parse(#"{"$defs": {"pos": {"type": "integer", "minimum": 0}}}"#), at: "https://example.com/common.json")
        let schema = try Self.schema(#"{"$id": "https://example.com/main.json", "properties": {"n": {"$ref": "common.json#/$defs/pos"}}}"#, registry: registry)
        #expect(schema.isValid(["n": 3]))
        #expect(schema.validate(["n": -1]).first?.schemaPath == "https://example.com/common.json#/$defs/pos/minimum")
    }

    @Test func recursiveSchemasAndDynamicRefs() throws {
        let tree = try Self.schema(##"{"$defs": {"node": {"type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "#/$defs/node"}}, "v": {"type": "integer"}}}}, "$ref": "#/$defs/node"}"##)
        #expect(tree.isValid(try JSONReader.parse(#"{"v": 1, "kids": [{"v": 2, "kids": []}]}"#)))
        #expect(tree.validate(try JSONReader.parse(#"{"kids": [{"kids": [{"v": "x"}]}]}"#)).map(\.instancePath) == ["$.kids[0].kids[0].v"])
    }

    @Test func metaSchemaIsValidAgainstItself() throws {
        let meta = try #require(MetaSchemas.parsedDocuments[MetaSchemas.draft202012])
        #expect(MetaSchemaCheck.problems(for: meta).isEmpty)
    }
}

@Suite struct DeepInstanceTests {
    /// A recursive schema over the deepest instance JSONReader accepts must neither crash nor loop.
    @Test func deeplyNestedInstanceIsHandled() throws {
        let schema = try JSONSchema.compile(try JSONReader.parse(##"{"$defs": {"n": {"type": ["array", "integer"], "items": {"$ref": "#/$defs/n"}}}, "$ref": "#/$defs/n"}"##))
        var text = "1"
        for _ in 0..<(JSONReader.maxDepth - 2) { text = "[" + text + "]" }
        let value = try JSONReader.parse(text)
        let errors = schema.validate(value)
        // Deeper than SchemaEvaluator.maxDepth: one clear error instead of a stack overflow.
        #expect(errors.map(\.message) == ["Maximum schema nesting depth exceeded (reference loop?)"])
        let coerced = SchemaCoercer(schema: schema).coerce(value)
        #expect(coerced.coercions.isEmpty)
        #expect(!SchemaCoercer(schema: schema).coerce(value).value.isNull)
    }
}

@Suite struct LegacyLocationTests {
    /// `definitions` is not a 2020-12 keyword, but a JSON Pointer `$ref` into it must work (Python jsonschema does it).
    @Test func refIntoDefinitionsResolvesNestedSubschemas() throws {
        let schema = try JSONSchema.compile(try JSONReader.parse(##"{"definitions": {"a": {"properties": {"b": {"type": "string"}}}}, "$ref": "#/definitions/a"}"##))
        #expect(schema.isValid(["b": "x"]))
        #expect(schema.validate(["b": 1]).map(\.instancePath) == ["$.b"])
    }
}

@Suite struct ConcurrentUseTests {
    /// One compiled schema (with compiled regexes) serves many tasks at once.
    @Test func validatesConcurrently() async throws {
        let schema = try JSONSchema.compile(try JSONReader.parse(#"{"patternProperties": {"^n_": {"type": "integer"}}, "properties": {"s": {"pattern": "^[a-z]+$"}}}"#))
        let results = await withTaskGroup(of: Int.self) { group in
            for t in 0..<8 {
                group.addTask {
                    var valid = 0
                    for i in 0..<500 {
                        let instance: Value = ["n_\(i)": (i + t) % 2 == 0 ? .int(i) : .string("x"), "s": "abc"]
                        if schema.isValid(instance) { valid += 1 }
                    }
                    return valid
                }
            }
            var all: [Int] = []
            for await count in group { all.append(count) }
            return all.sorted()
        }
        #expect(results == [250, 250, 250, 250, 250, 250, 250, 250])
    }
}
