import Testing
import Basics
import TestSupport
@testable import JSONSchemaValidation

/// Our errors (path, keyword, message, order) against Python jsonschema's for the same schema and instance
/// (Tests/Fixtures/JSONSchemaValidation/generators/python_jsonschema_errors.py).
@Suite struct PythonJSONSchemaParityTests {
    /// Deliberate deviations (also in the module README): Python jsonschema reports an error of a `false`
    /// subschema at the parent's instance path (`$` for `{"properties": {"x": false}}`); we report `$.x`.
    static let deviations: [String: String] = [
        #"{"properties": {"x": false}}"#: "$.x",
    ]

    static func describe(_ error: SchemaValidationError) -> Value {
        ["path": .string(error.instancePath), "keyword": .string(error.keyword), "message": .string(error.message),
         "context": .array(error.context.map(describe))]
    }

    @Test func errorsMatchPythonJSONSchema() throws {
        let text = try TestPaths.text(TestPaths.fixture("JSONSchemaValidation/python-jsonschema-errors.json"))
        let rows = try #require(try JSONReader.parse(text).arrayValue)
        #expect(rows.count >= 50)
        for row in rows {
            let schemaValue = try #require(row["schema"])
            let schema = try JSONSchema.compile(schemaValue)
            let ours = schema.validate(row["instance"] ?? .null).map(Self.describe)
            if let path = Self.deviations[JSONWriter.python(schemaValue)] {
                #expect(ours.map { $0["path"] } == [.string(path)])
                continue
            }
            #expect(Value.array(ours) == row["errors"], "\(JSONWriter.python(schemaValue)) with \(JSONWriter.python(row["instance"] ?? .null))")
        }
    }
}
