import Testing
import Basics
@testable import JSONSchemaValidation

@Suite struct SchemaCoercerTests {
    static func coerce(_ schemaJSON: String, _ instanceJSON: String) throws -> (String, [Coercion]) {
        let schema = try JSONSchema.compile(JSONReader.parse(schemaJSON))
        let (value, log) = SchemaCoercer(schema: schema).coerce(try JSONReader.parse(instanceJSON))
        return (JSONWriter.python(value), log)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var schema: String
        var instance: String
        var expected: String
        var paths: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "string to integer", schema: #"{"properties": {"n": {"type": "integer"}}}"#,
             instance: #"{"n": " 1_000 "}"#, expected: #"{"n": 1000}"#, paths: ["$.n"]),
        Case(name: "decimal string is not an integer", schema: #"{"properties": {"n": {"type": "integer"}}}"#,
             instance: #"{"n": "5.0"}"#, expected: #"{"n": "5.0"}"#, paths: []),
        Case(name: "integral float to integer", schema: #"{"properties": {"n": {"type": "integer"}}}"#,
             instance: #"{"n": 5.0}"#, expected: #"{"n": 5}"#, paths: ["$.n"]),
        Case(name: "non-integral float stays", schema: #"{"properties": {"n": {"type": "integer"}}}"#,
             instance: #"{"n": 5.5}"#, expected: #"{"n": 5.5}"#, paths: []),
        Case(name: "string to number", schema: #"{"properties": {"x": {"type": "number"}}}"#,
             instance: #"{"x": "1e3"}"#, expected: #"{"x": 1000.0}"#, paths: ["$.x"]),
        Case(name: "nan string is not a number", schema: #"{"properties": {"x": {"type": "number"}}}"#,
             instance: #"{"x": "nan"}"#, expected: #"{"x": "nan"}"#, paths: []),
        Case(name: "integer stays integer where number expected", schema: #"{"properties": {"x": {"type": "number"}}}"#,
             instance: #"{"x": 3}"#, expected: #"{"x": 3}"#, paths: []),
        Case(name: "string to boolean any case", schema: #"{"properties": {"b": {"type": "boolean"}}}"#,
             instance: #"{"b": "TRUE"}"#, expected: #"{"b": true}"#, paths: ["$.b"]),
        Case(name: "yes is not a boolean", schema: #"{"properties": {"b": {"type": "boolean"}}}"#,
             instance: #"{"b": "yes"}"#, expected: #"{"b": "yes"}"#, paths: []),
        Case(name: "JSON text to array, items coerced", schema: #"{"properties": {"p": {"type": "array", "items": {"type": "integer"}}}}"#,
             instance: #"{"p": "[1, \"2\"]"}"#, expected: #"{"p": [1, 2]}"#, paths: ["$.p", "$.p[1]"]),
        Case(name: "string to tag-wrapped array", schema: #"{"properties": {"t": {"type": "array", "items": {"type": "object", "properties": {"tag": {"type": "string"}}}}}}"#,
             instance: #"{"t": "brave"}"#, expected: #"{"t": [{"tag": "brave"}]}"#, paths: ["$.t"]),
        Case(name: "string to one-element array", schema: #"{"properties": {"t": {"type": "array", "items": {"type": "string"}}}}"#,
             instance: #"{"t": "solo"}"#, expected: #"{"t": ["solo"]}"#, paths: ["$.t"]),
        Case(name: "array items", schema: #"{"properties": {"p": {"type": "array", "items": {"type": "integer"}}}}"#,
             instance: #"{"p": ["1", 2, "x"]}"#, expected: #"{"p": [1, 2, "x"]}"#, paths: ["$.p[0]"]),
        Case(name: "enum case-insensitive", schema: #"{"properties": {"o": {"type": "string", "enum": ["reached_ship", "fell_in_water"]}}}"#,
             instance: #"{"o": "Reached_Ship"}"#, expected: #"{"o": "reached_ship"}"#, paths: ["$.o"]),
        Case(name: "enum shadow prefix and bar", schema: #"{"properties": {"o": {"enum": ["Rogue", "Mage"]}}}"#,
             instance: #"{"o": "Shadow rogue | mage"}"#, expected: #"{"o": "Rogue"}"#, paths: ["$.o"]),
        Case(name: "enum with non-string values does not crash (K12)", schema: #"{"properties": {"o": {"enum": [1, null, "Yes"]}}}"#,
             instance: #"{"o": "yes", "p": 1}"#, expected: #"{"o": "Yes", "p": 1}"#, paths: ["$.o"]),
        Case(name: "enum without match stays", schema: #"{"properties": {"o": {"enum": [1, "a"]}}}"#,
             instance: #"{"o": "zzz"}"#, expected: #"{"o": "zzz"}"#, paths: []),
        Case(name: "through $ref", schema: ##"{"$defs": {"n": {"type": "integer"}}, "properties": {"n": {"$ref": "#/$defs/n"}}}"##,
             instance: #"{"n": "4"}"#, expected: #"{"n": 4}"#, paths: ["$.n"]),
        Case(name: "additionalProperties schema", schema: #"{"additionalProperties": {"type": "integer"}}"#,
             instance: #"{"a": "1", "b": "2"}"#, expected: #"{"a": 1, "b": 2}"#, paths: ["$.a", "$.b"]),
        Case(name: "patternProperties", schema: #"{"patternProperties": {"^n_": {"type": "integer"}}}"#,
             instance: #"{"n_a": "1", "s": "2"}"#, expected: #"{"n_a": 1, "s": "2"}"#, paths: ["$.n_a"]),
        Case(name: "allOf", schema: #"{"allOf": [{"properties": {"a": {"type": "integer"}}}, {"properties": {"b": {"type": "boolean"}}}]}"#,
             instance: #"{"a": "1", "b": "false"}"#, expected: #"{"a": 1, "b": false}"#, paths: ["$.a", "$.b"]),
        Case(name: "prefixItems", schema: #"{"prefixItems": [{"type": "integer"}, {"type": "boolean"}], "items": {"type": "number"}}"#,
             instance: #"["1", "true", "2.5"]"#, expected: #"[1, true, 2.5]"#, paths: ["$[0]", "$[1]", "$[2]"]),
        Case(name: "anyOf with one admitting branch", schema: #"{"anyOf": [{"type": "object", "properties": {"n": {"type": "integer"}}}, {"type": "string"}]}"#,
             instance: #"{"n": "3"}"#, expected: #"{"n": 3}"#, paths: ["$.n"]),
        Case(name: "anyOf with one coercible branch", schema: #"{"properties": {"n": {"anyOf": [{"type": "integer"}, {"type": "null"}]}}}"#,
             instance: #"{"n": "3"}"#, expected: #"{"n": 3}"#, paths: ["$.n"]),
        Case(name: "oneOf ambiguous: left alone", schema: #"{"properties": {"n": {"oneOf": [{"type": "integer"}, {"type": "number"}]}}}"#,
             instance: #"{"n": "3"}"#, expected: #"{"n": "3"}"#, paths: []),
        Case(name: "valid value untouched", schema: #"{"properties": {"n": {"type": ["integer", "string"]}}}"#,
             instance: #"{"n": "3"}"#, expected: #"{"n": "3"}"#, paths: []),
        Case(name: "response-wrapped answer unwrapped", schema: #"{"required": ["a"], "properties": {"a": {"type": "integer"}}}"#,
             instance: #"{"unit_id": "u1", "response": "```json\n{\"a\": \"7\",}\n```"}"#,
             expected: #"{"unit_id": "u1", "a": 7}"#, paths: ["$.response", "$.a"]),
        Case(name: "response kept when nothing is missing", schema: #"{"required": ["a"]}"#,
             instance: #"{"a": 1, "response": "{\"a\": 2}"}"#, expected: #"{"a": 1, "response": "{\"a\": 2}"}"#, paths: []),
        Case(name: "response without any missing key is not unwrapped", schema: #"{"required": ["a"]}"#,
             instance: #"{"response": "{\"b\": 2}"}"#, expected: #"{"response": "{\"b\": 2}"}"#, paths: []),
    ]

    @Test(arguments: cases)
    func coerces(_ c: Case) throws {
        let (value, log) = try Self.coerce(c.schema, c.instance)
        #expect(value == c.expected)
        #expect(log.map(\.path) == c.paths)
    }

    @Test func logRecordsFromAndTo() throws {
        let (_, log) = try Self.coerce(#"{"properties": {"n": {"type": "integer"}}}"#, #"{"n": "10"}"#)
        #expect(log == [Coercion(path: "$.n", from: "10", to: 10)])
        #expect(log.first?.description == "[COERCE] $.n: '10' -> 10")
    }

    @Test func recursiveSchemaTerminates() throws {
        let schema = ##"{"$defs": {"node": {"type": "object", "properties": {"v": {"type": "integer"}, "next": {"$ref": "#/$defs/node"}}}}, "$ref": "#/$defs/node"}"##
        let (value, _) = try Self.coerce(schema, #"{"v": "1", "next": {"v": "2", "next": {"v": 3}}}"#)
        #expect(value == #"{"v": 1, "next": {"v": 2, "next": {"v": 3}}}"#)
    }
}
