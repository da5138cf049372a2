import Testing
import TestSupport
import Basics
@testable import JSONSchemaValidation

@Suite struct SchemaDiagnosticsTests {
    static func diagnostics(_ text: String) -> [Diagnostic] {
        do {
            _ = try JSONSchema.load(text: text, file: "schemas/analyze.json")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func unknownTypeIsLocatedWithASuggestion() {
        let text = "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"n\": {\"type\": \"integr\"}\n  }\n}"
        let found = Self.diagnostics(text)
        #expect(found.count == 1)
        #expect(found.first?.id == "schema.invalid-keyword")
        #expect(found.first?.message == "unknown type 'integr'; did you mean 'integer'? (at $.properties.n.type)")
        #expect(found.first?.location == SourceLocation(file: "schemas/analyze.json", line: 4, column: 11))
    }

    @Test func metaSchemaViolationsAreLocated() {
        let text = "{\n  \"type\": \"object\",\n  \"required\": \"name\",\n  \"minLength\": -1\n}"
        let found = Self.diagnostics(text)
        #expect(found.map(\.id) == ["schema.invalid-keyword", "schema.invalid-keyword"])
        #expect(found.map { $0.location?.line } == [3, 4])
        #expect(found.first?.message.hasSuffix("(at $.required)") == true)
    }

    @Test func invalidRegexIsReported() {
        let found = Self.diagnostics(#"{"pattern": "a("}"#)
        #expect(found.map(\.id) == ["schema.invalid-regex"])
        #expect(found.first?.location?.column == 2)
    }

    @Test func unresolvableRefIsReported() {
        let found = Self.diagnostics(##"{"properties": {"a": {"$ref": "#/$defs/missing"}}}"##)
        #expect(found.map(\.id) == ["schema.unresolvable-ref"])
        #expect(found.first?.message.contains("$.properties.a.$ref") == true)
    }

    @Test func jsonSyntaxErrorsAreLocated() {
        let found = Self.diagnostics("{\n  \"type\": \"object\",\n}")
        #expect(found.map(\.id) == ["schema.invalid-json"])
        #expect(found.first?.location?.line == 3)
    }

    @Test func locatorFindsKeysAndElements() {
        let text = "{\"a\": [1, {\"b~/c\": 2}],\n \"d\": {}}"
        #expect(JSONSourceLocator.position(of: "/a/1/b~0~1c", in: text).map { [$0.line, $0.column] } == [1, 12])
        #expect(JSONSourceLocator.position(of: "/d", in: text).map { [$0.line, $0.column] } == [2, 2])
        #expect(JSONSourceLocator.position(of: "/a/1", in: text).map { [$0.line, $0.column] } == [1, 11])
        #expect(JSONSourceLocator.position(of: "/zz", in: text) == nil)
    }

    @Test func uriResolution() {
        #expect(resolveURI("b.json", against: "http://x.com/a/c.json") == "http://x.com/a/b.json")
        #expect(resolveURI("../b.json#/x", against: "http://x.com/a/c/d.json") == "http://x.com/a/b.json#/x")
        #expect(resolveURI("#foo", against: "urn:uuid:1234") == "urn:uuid:1234#foo")
        #expect(resolveURI("/root.json", against: "http://x.com/a/b") == "http://x.com/root.json")
        #expect(resolveURI("#/a", against: "") == "#/a")
    }
}

@Suite struct SchemaWarningTests {
    @Test func likelyTyposOfKeywordsAreWarnings() throws {
        let text = "{\n  \"type\": \"object\",\n  \"requried\": [\"a\"],\n  \"x-custom\": 1\n}"
        let schema = try JSONSchema.load(text: text, file: "s.json")
        #expect(schema.warnings.map(\.id) == ["schema.unknown-keyword"])
        #expect(schema.warnings.first?.message == "unknown keyword 'requried' is ignored; did you mean 'required'? (at $.requried)")
        #expect(schema.warnings.first?.location?.line == 3)
        #expect(schema.warnings.first?.severity == .warning)
        #expect(schema.isValid([:]))
    }
}

/// The demo pipelines' schemas (reference data in ../shared) compile cleanly: no errors, no warnings.
@Suite(.enabled(if: TestPaths.hasShared))
struct DemoPipelineSchemaTests {
    static let files = [
        "Blackjack/schemas/analyze_difficulty.json", "Blackjack/schemas/play_hand.json",
        "DrunkenSailor/schemas/analyze.json", "NPCDialog/schemas/generate_dialog.json",
        "NPCDialog/schemas/score_consistency.json",
    ]

    @Test(arguments: files)
    func compilesWithoutFindings(_ file: String) throws {
        let url = try #require(TestPaths.shared("octobatch-pipelines/" + file))
        let schema = try JSONSchema.load(text: TestPaths.text(url), file: file)
        #expect(schema.warnings.isEmpty)
    }
}
