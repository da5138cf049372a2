import Testing
import Basics
@testable import JSONSchemaValidation

@Suite struct InstanceCheckerTests {
    static func checker() throws -> InstanceChecker {
        let text = #"{"type": "object", "properties": {"n": {"type": "integer", "maximum": 10}, "tags": {"items": {"type": "string"}}}}"#
        return InstanceChecker(schema: try JSONSchema.load(text: text, file: "s.json"))
    }

    @Test func validInstance() throws {
        let result = try Self.checker().check(text: #"{"n": 3}"#)
        #expect(result.isValid)
        #expect(InstanceChecker.jsonLine(result) == #"{"valid": true, "errors": []}"#)
    }

    @Test func errorsAreLocatedInTheInstanceText() throws {
        let result = try Self.checker().check(text: "{\n  \"n\": 11,\n  \"tags\": [\"a\", 2]\n}")
        #expect(InstanceChecker.jsonLine(result) == #"{"valid": false, "errors": [{"path": "$.n", "keyword": "maximum", "message": "11 is greater than the maximum of 10"}, {"path": "$.tags[1]", "keyword": "type", "message": "2 is not of type 'string'"}]}"#)
        let diagnostics = InstanceChecker.diagnostics(result, file: "i.json")
        #expect(diagnostics.map { $0.location?.description } == ["i.json:2:3", "i.json:3:17"])
        #expect(diagnostics.first?.message == "$.n: 11 is greater than the maximum of 10 (maximum at #/properties/n/maximum)")
    }

    @Test func jsonlLinesKeepTheirLineNumbers() throws {
        #expect(try Self.checker().check(jsonlLine: "   ", number: 4) == nil)
        let result = try #require(try Self.checker().check(jsonlLine: #"{"n": "x"}"#, number: 7))
        #expect(InstanceChecker.diagnostics(result, file: "r.jsonl").first?.location?.description == "r.jsonl:7:2")
    }

    @Test func nonJSONIsAnInvalidInstanceNotACrash() throws {
        let result = try Self.checker().check(text: "nope")
        #expect(!result.isValid)
        #expect(result.errors.map(\.keyword) == ["json"])
    }
}
