import Basics
import Foundation
import Providers
import TestSupport
import Testing

@Suite struct SchemaAnswerSynthesizerTests {
    static let demoSchemas = ["DrunkenSailor/schemas/analyze.json", "Blackjack/schemas/play_hand.json",
                              "Blackjack/schemas/analyze_difficulty.json", "NPCDialog/schemas/generate_dialog.json",
                              "NPCDialog/schemas/score_consistency.json"]

    @Test(.enabled(if: TestPaths.hasShared), arguments: demoSchemas)
    func producesValidInstancesOfTheDemoSchemas(relative: String) throws {
        let url = try #require(TestPaths.shared("octobatch-pipelines/" + relative))
        let schema = try JSONReader.parse(TestPaths.text(url))
        for seed in UInt64(0)..<50 {
            let value = SchemaAnswerSynthesizer(seed: seed).synthesize(schema)
            #expect(MiniSchemaChecker.violations(value, schema) == [], "seed \(seed): \(JSONWriter.python(value))")
            let required = schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(required.allSatisfy { value[$0] != nil })
        }
    }

    @Test func isDeterministicPerSeedAndVariesAcrossSeeds() {
        let schema: Value = ["type": "object", "properties": ["n": ["type": "integer", "minimum": 0, "maximum": 1000],
                                                             "s": ["type": "string"]]]
        let a = SchemaAnswerSynthesizer(seed: 7).synthesize(schema)
        #expect(a == SchemaAnswerSynthesizer(seed: 7).synthesize(schema))
        let distinct = Set((0..<20).map { SchemaAnswerSynthesizer(seed: UInt64($0)).synthesize(schema) })
        #expect(distinct.count > 10)
    }

    @Test func followsRefsConstAnyOfAndBounds() {
        let schema: Value = [
            "$defs": ["tone": ["enum": ["warm", "cold"]], "score": ["type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1]],
            "type": "object",
            "required": ["tone", "score", "kind", "choice", "tags", "code", "extra"],
            "properties": [
                "tone": ["$ref": "#/$defs/tone"],
                "score": ["$ref": "#/$defs/score"],
                "kind": ["const": "fixed"],
                "choice": ["anyOf": [["type": "integer", "minimum": 5, "maximum": 5], ["type": "string"]]],
                "tags": ["type": "array", "items": ["type": "string", "maxLength": 3], "minItems": 2, "maxItems": 2],
                "code": ["type": "string", "minLength": 40, "maxLength": 40],
                "maybe": ["type": ["null", "boolean"]],
            ],
        ]
        for seed in UInt64(0)..<30 {
            let value = SchemaAnswerSynthesizer(seed: seed).synthesize(schema)
            #expect(MiniSchemaChecker.violations(value, schema) == [], "\(JSONWriter.python(value))")
            #expect(value["kind"] == "fixed")
            #expect(value["choice"] == 5)
            #expect(value["tags"]?.arrayValue?.count == 2)
            #expect(value["code"]?.stringValue?.count == 40)
            #expect(value["maybe"]?.boolValue != nil)
            #expect(value["extra"] == "mock")
        }
    }

    @Test func survivesAbsurdBounds() {
        let schema: Value = ["type": "object", "properties": [
            "big": ["type": "integer", "minimum": -1e300, "maximum": 1e300],
            "tiny": ["type": "integer", "exclusiveMaximum": -9.2e18],
            "n": ["type": "number", "minimum": 1e308],
        ]]
        let value = SchemaAnswerSynthesizer(seed: 3).synthesize(schema)
        #expect(value["big"]?.intValue != nil)
        #expect((value["tiny"]?.intValue ?? 0) < 0)
        #expect((value["n"]?.numberValue ?? 0) >= 1e15)   // clamped, not trapped
    }

    @Test func stopsAtTheDepthLimitOnRecursiveSchemas() {
        let schema: Value = ["$defs": ["node": ["type": "object", "properties": ["next": ["$ref": "#/$defs/node"]]]],
                             "$ref": "#/$defs/node"]
        var synthesizer = SchemaAnswerSynthesizer(seed: 1)
        synthesizer.maxDepth = 6
        var depth = 0
        var node = synthesizer.synthesize(schema)
        while let next = node["next"] { depth += 1; node = next }
        #expect(node == .null)
        #expect(depth == 3)
    }
}
