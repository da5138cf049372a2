import Foundation
import Testing
import Basics
import TestSupport
@testable import JSONSchemaValidation

@Suite struct StepAnswerValidatorTests {
    static let schemaJSON = #"""
    {"type": "object", "required": ["scenario_name", "final_position", "steps_taken", "path", "outcome"],
     "properties": {"scenario_name": {"type": "string"},
                    "final_position": {"type": "integer", "minimum": 0, "maximum": 10},
                    "steps_taken": {"type": "integer", "minimum": 0},
                    "path": {"type": "array", "items": {"type": "integer"}},
                    "outcome": {"type": "string", "enum": ["fell_in_water", "reached_ship"]}}}
    """#
    static let rulesConfig: Value = [
        "required": ["scenario_name", "final_position", "steps_taken", "path", "outcome"],
        "types": ["scenario_name": "string", "final_position": "number", "steps_taken": "number",
                  "path": "array", "outcome": "string"],
        "rules": [["name": "short_walk", "expr": "steps_taken < 100", "error": "Walk too long: {steps_taken}",
                   "level": "warning"]],
    ]
    static let input: ValueObject = ["unit_id": "u1", "scenario_name": "calm", "_repetition_seed": 7, "retry_count": 0]

    static func validator(schema: Bool = true, rules: Bool = true) throws -> StepAnswerValidator {
        StepAnswerValidator(
            step: "analyze",
            schema: schema ? try JSONSchema.compile(JSONReader.parse(schemaJSON)) : nil,
            rules: rules ? try StepRules.compile(rulesConfig, step: "analyze", compiler: TestRuleCompiler()) : nil)
    }

    static func valid(_ outcome: StepAnswerValidator.Outcome) -> StepAnswerValidator.Valid? {
        if case .valid(let v) = outcome { return v }
        return nil
    }

    static func failed(_ outcome: StepAnswerValidator.Outcome) -> FailureRecord? {
        if case .failed(let f) = outcome { return f }
        return nil
    }

    @Test func fencedAnswerWithStringNumbersIsCoercedAndKept() throws {
        let raw = "```json\n{\"scenario_name\": \"calm\", \"final_position\": \"10\", \"steps_taken\": 13, \"path\": [5, \"6\"], \"outcome\": \"Reached_Ship\",}\n```"
        let result = try #require(Self.valid(try Self.validator().validate(input: Self.input, rawAnswer: raw)))
        #expect(JSONWriter.python(.object(result.record)) == #"{"unit_id": "u1", "scenario_name": "calm", "_repetition_seed": 7, "retry_count": 0, "final_position": 10, "steps_taken": 13, "path": [5, 6], "outcome": "reached_ship", "_raw_text": "```json\n{\"scenario_name\": \"calm\", \"final_position\": \"10\", \"steps_taken\": 13, \"path\": [5, \"6\"], \"outcome\": \"Reached_Ship\",}\n```"}"#)
        #expect(result.coercions.map(\.path) == ["$.final_position", "$.path[1]", "$.outcome"])
        #expect(result.warnings.isEmpty)
    }

    @Test func unparsableAnswerIsARetryableParseFailure() throws {
        let failure = try #require(Self.failed(try Self.validator().validate(input: Self.input, rawAnswer: "I'm sorry, I can't.", retryCount: 2)))
        #expect(failure.stage == .parse)
        #expect(failure.isRetryable)
        #expect(JSONWriter.python(failure.value) == #"{"unit_id": "u1", "failure_stage": "parse", "step": "analyze", "input": {"unit_id": "u1", "scenario_name": "calm", "_repetition_seed": 7, "retry_count": 0}, "raw_response": "I'm sorry, I can't.", "errors": [{"path": "$", "rule": "parse", "message": "LLM response contains no JSON object or array"}], "retry_count": 2, "scenario_name": "calm"}"#)
    }

    @Test func arrayAnswerIsAParseFailure() throws {
        let failure = try #require(Self.failed(try Self.validator().validate(input: Self.input, rawAnswer: "[1, 2]")))
        #expect(failure.stage == .parse)
        #expect(failure.errors.map(\.message) == ["LLM response is a JSON array, not an object"])
    }

    @Test func schemaErrorsCarryPathRuleAndMessage() throws {
        let raw = #"{"scenario_name": "calm", "final_position": 11, "steps_taken": -1, "path": [1, "x"], "outcome": "swam"}"#
        let failure = try #require(Self.failed(try Self.validator().validate(input: Self.input, rawAnswer: raw)))
        #expect(failure.stage == .schemaValidation)
        #expect(failure.errors == [
            ValidationIssue(path: "$.final_position", rule: "schema_maximum", message: "11 is greater than the maximum of 10"),
            ValidationIssue(path: "$.steps_taken", rule: "schema_minimum", message: "-1 is less than the minimum of 0"),
            ValidationIssue(path: "$.path[1]", rule: "schema_type", message: "'x' is not of type 'integer'"),
            ValidationIssue(path: "$.outcome", rule: "schema_enum", message: "'swam' is not one of ['fell_in_water', 'reached_ship']"),
        ])
    }

    @Test func missingRequiredIsASchemaFailure() throws {
        let failure = try #require(Self.failed(try Self.validator().validate(input: ["unit_id": "u2"], rawAnswer: #"{"outcome": "reached_ship"}"#)))
        #expect(failure.errors.map(\.message).first == "'scenario_name' is a required property")
        #expect(failure.unitID == "u2")
    }

    @Test func nonFiniteNumbersAreRefused() throws {
        let raw = #"{"scenario_name": "calm", "final_position": 1, "steps_taken": 1, "path": [], "outcome": "reached_ship", "score": NaN}"#
        let failure = try #require(Self.failed(try Self.validator().validate(input: Self.input, rawAnswer: raw)))
        #expect(failure.stage == .schemaValidation)
        #expect(failure.errors == [ValidationIssue(path: "$.score", rule: "schema_non_finite_number",
                                                   message: "Non-finite number nan is not allowed")])
    }

    @Test func phaseTwoFailure() throws {
        let config: Value = ["required": ["outcome"], "enums": ["outcome": ["reached_ship"]]]
        let validator = StepAnswerValidator(step: "analyze", schema: nil,
                                            rules: try StepRules.compile(config, step: "analyze", compiler: nil))
        let failure = try #require(Self.failed(validator.validate(input: Self.input, rawAnswer: #"{"outcome": "fell_in_water"}"#)))
        #expect(failure.stage == .validation)
        #expect(failure.errors.map(\.rule) == ["enum_outcome"])
    }

    @Test func warningsAreEmbedded() throws {
        let raw = #"{"scenario_name": "calm", "final_position": 1, "steps_taken": 150, "path": [], "outcome": "reached_ship"}"#
        let result = try #require(Self.valid(try Self.validator().validate(input: Self.input, rawAnswer: raw)))
        #expect(result.record["_warnings"] == [["path": "$", "rule": "short_walk", "message": "Walk too long: 150"]])
        #expect(result.record.keys.last == "_warnings")
    }

    @Test func withoutRulesOnlyPhaseOneRuns() throws {
        let raw = #"{"scenario_name": "calm", "final_position": 1, "steps_taken": 150, "path": [], "outcome": "reached_ship"}"#
        let result = try #require(Self.valid(try Self.validator(rules: false).validate(input: Self.input, rawAnswer: raw)))
        #expect(result.record["_warnings"] == nil)
    }

    @Test func withoutSchemaOnlyPhaseTwoRuns() throws {
        let raw = #"{"scenario_name": "calm", "final_position": "1", "steps_taken": 2, "path": [], "outcome": "anything"}"#
        let failure = try #require(Self.failed(try Self.validator(schema: false).validate(input: Self.input, rawAnswer: raw)))
        #expect(failure.stage == .validation)
        #expect(failure.errors == [ValidationIssue(path: "$.final_position", rule: "type_final_position",
                                                   message: "Field 'final_position': Expected number, got str")])
    }

    @Test func responseWrappedAnswerIsUnwrapped() throws {
        let raw = #"{"response": "```json\n{\"scenario_name\": \"calm\", \"final_position\": 3, \"steps_taken\": 3, \"path\": [1, 2, 3], \"outcome\": \"fell_in_water\"}\n```"}"#
        let result = try #require(Self.valid(try Self.validator().validate(input: Self.input, rawAnswer: raw)))
        #expect(result.record["outcome"] == "fell_in_water")
        #expect(result.record["response"] == nil)
    }

    @Test func anyOfFailuresListTheBranchErrors() throws {
        let schema = try JSONSchema.compile(["properties": ["v": ["anyOf": [["type": "integer"], ["type": "null"]]]]])
        let validator = StepAnswerValidator(step: "s", schema: schema, rules: nil)
        let failure = try #require(Self.failed(validator.validate(input: ["unit_id": "u"], rawAnswer: #"{"v": "x"}"#)))
        #expect(failure.errors == [
            ValidationIssue(path: "$.v", rule: "schema_anyOf", message: "'x' is not valid under any of the given schemas"),
            ValidationIssue(path: "$.v", rule: "schema_type", message: "'x' is not of type 'integer'"),
            ValidationIssue(path: "$.v", rule: "schema_type", message: "'x' is not of type 'null'"),
        ])
    }

    @Test func answerCannotChangeTheUnitID() throws {
        let raw = #"{"unit_id": "other", "scenario_name": "calm", "final_position": 1, "steps_taken": 1, "path": [], "outcome": "reached_ship", "_raw_text": "fake"}"#
        let result = try #require(Self.valid(try Self.validator().validate(input: Self.input, rawAnswer: raw)))
        #expect(result.record["unit_id"] == "u1")
        #expect(result.record["_raw_text"] == .string(raw))
    }

    @Test(.enabled(if: TestPaths.hasShared))
    func drunkenSailorSchemaFromShared() throws {
        let url = try #require(TestPaths.shared("octobatch-pipelines/DrunkenSailor/schemas/analyze.json"))
        let schema = try JSONSchema.load(text: TestPaths.text(url), file: "schemas/analyze.json")
        let validator = StepAnswerValidator(step: "analyze", schema: schema, rules: nil)
        let raw = #"{"scenario_name": "calm", "final_position": 10, "steps_taken": 13, "path": [5, 6, 7], "outcome": "reached_ship"}"#
        #expect(Self.valid(validator.validate(input: Self.input, rawAnswer: raw)) != nil)
    }
}
