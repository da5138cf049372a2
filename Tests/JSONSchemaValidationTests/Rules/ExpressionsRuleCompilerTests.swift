import Testing
import Basics
@testable import JSONSchemaValidation

/// Phase 2 with the real expression language (the Expressions module, through `ExpressionsRuleCompiler`).
@Suite struct ExpressionsRuleCompilerTests {
    static func rules(_ config: Value) throws(DiagnosticsError) -> StepRules {
        try StepRules.compile(config, step: "score", compiler: ExpressionsRuleCompiler())
    }

    @Test func demoPipelineRules() throws {
        let rules = try Self.rules(["rules": [
            ["name": "personality_threshold", "expr": "personality_consistency >= 0.6",
             "error": "Personality consistency {personality_consistency} is below threshold 0.6", "level": "error"],
            ["name": "hand_verification", "expr": "verification_passed == True",
             "error": "Hand verification failed: {verification_details}", "level": "error"],
        ]])
        #expect(rules.check(["personality_consistency": 0.75, "verification_passed": true]).errors.isEmpty)
        #expect(rules.check(["personality_consistency": 0.5, "verification_passed": false,
                             "verification_details": ["bust", 23]]).errors == [
            ValidationIssue(path: "$", rule: "personality_threshold", message: "Personality consistency 0.5 is below threshold 0.6"),
            ValidationIssue(path: "$", rule: "hand_verification", message: "Hand verification failed: ['bust', 23]"),
        ])
    }

    @Test func computedIsTheLeftHandSideValue() throws {
        let rules = try Self.rules(["rules": [["name": "path_length", "expr": "len(path) == steps_taken + 1",
                                               "error": "path has {_computed} entries for {steps_taken} steps"]]])
        #expect(rules.check(["path": [5, 6, 7], "steps_taken": 2]).errors.isEmpty)
        #expect(rules.check(["path": [5, 6], "steps_taken": 4]).errors.map(\.message) == ["path has 2 entries for 4 steps"])
    }

    @Test func whenWithDirWorks() throws {
        // The Python tool cannot call dir() in rules (K8); here the rule runs only when the field exists.
        let rules = try Self.rules(["rules": [["name": "wounds_ok", "expr": "wounds <= 3", "error": "too many wounds: {wounds}",
                                               "when": "'wounds' in dir()"]]])
        #expect(rules.check(["hp": 3]).errors.isEmpty)
        #expect(rules.check(["hp": 3]).warnings.isEmpty)
        #expect(rules.check(["wounds": 5]).errors.map(\.message) == ["too many wounds: 5"])
    }

    @Test func evaluationErrorsUsePythonExceptionText() throws {
        let rules = try Self.rules(["rules": [["name": "r", "expr": "score > 1", "error": "bad score {score}"]]])
        let message = rules.check(["scor": 2]).errors.first?.message ?? ""
        #expect(message.hasPrefix("bad score {score} (expression error: NameError: name 'score' is not defined"))
    }

    @Test func syntaxErrorsAreConfigDiagnostics() {
        do {
            _ = try Self.rules(["rules": [["name": "r", "expr": "score >", "error": "x"]]])
            Issue.record("expected a diagnostic")
        } catch {
            #expect(error.diagnostics.map(\.id) == ["validation.invalid-expression"])
            #expect(error.diagnostics.first?.message.contains("validation.score.rules[0].expr") == true)
        }
    }

    @Test func endToEndWithTheStepValidator() throws {
        let rules = try Self.rules(["required": ["score"], "rules": [["name": "min", "expr": "score >= 0.6", "error": "low {score}"]]])
        let validator = StepAnswerValidator(step: "score", schema: try JSONSchema.compile(["properties": ["score": ["type": "number"]]]), rules: rules)
        guard case .failed(let failure) = validator.validate(input: ["unit_id": "u"], rawAnswer: #"{"score": "0.5"}"#) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.stage == .validation)
        // The coerced value (0.5, not "0.5") reached the rule (K6).
        #expect(failure.errors.map(\.message) == ["low 0.5"])
    }
}
