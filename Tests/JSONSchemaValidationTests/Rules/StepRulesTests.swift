import Testing
import Basics
@testable import JSONSchemaValidation

@Suite struct StepRulesTests {
    static func rules(_ config: Value) throws(DiagnosticsError) -> StepRules {
        try StepRules.compile(config, step: "analyze", compiler: TestRuleCompiler())
    }

    @Test func requiredMissingOrNullStopsEverythingElse() throws {
        let rules = try Self.rules(["required": ["a", "b", "c"], "types": ["d": "integer"]])
        let outcome = rules.check(["a": 1, "b": nil, "d": "x"])
        #expect(outcome.errors == [
            ValidationIssue(path: "$.b", rule: "required_b", message: "Missing required field: 'b'"),
            ValidationIssue(path: "$.c", rule: "required_c", message: "Missing required field: 'c'"),
        ])
    }

    struct TypeCase: Sendable {
        var type: String
        var value: Value
        var ok: Bool
    }

    static let typeCases: [TypeCase] = [
        .init(type: "integer", value: 3, ok: true), .init(type: "integer", value: 3.0, ok: false),
        .init(type: "integer", value: true, ok: false), .init(type: "float", value: 3, ok: true),
        .init(type: "number", value: 2.5, ok: true), .init(type: "number", value: false, ok: false),
        .init(type: "Number", value: 2, ok: true), .init(type: "string", value: "s", ok: true),
        .init(type: "string", value: 1, ok: false), .init(type: "boolean", value: false, ok: true),
        .init(type: "boolean", value: 0, ok: false), .init(type: "array", value: [1], ok: true),
        .init(type: "list", value: [], ok: true), .init(type: "list", value: "[]", ok: false),
        .init(type: "object", value: ["a": 1], ok: true), .init(type: "dict", value: [1], ok: false),
    ]

    @Test(arguments: typeCases)
    func types(_ c: TypeCase) throws {
        let outcome = try Self.rules(["types": ["f": .string(c.type)]]).check(["f": c.value])
        if c.ok {
            #expect(outcome.errors.isEmpty)
        } else {
            #expect(outcome.errors == [ValidationIssue(path: "$.f", rule: "type_f",
                                                       message: "Field 'f': Expected \(c.type), got \(c.value.pythonTypeName)")])
        }
    }

    @Test func absentFieldsAreNotTypeChecked() throws {
        #expect(try Self.rules(["types": ["f": "integer"]]).check([:]).errors.isEmpty)
    }

    @Test func unknownTypeIsAConfigDiagnostic() {
        #expect(throws: DiagnosticsError.self) { try Self.rules(["types": ["f": "integr"]]) }
        do {
            _ = try Self.rules(["types": ["f": "integr"]])
        } catch {
            #expect(error.diagnostics.first?.id == "validation.unknown-type")
            #expect(error.diagnostics.first?.help == "did you mean 'integer'?")
        }
    }

    @Test func rangesAreInclusiveAndOnlyForNumbers() throws {
        let rules = try Self.rules(["ranges": ["n": [0, 10], "x": [0.5, 1.5]]])
        #expect(rules.check(["n": 0, "x": 1.5]).errors.isEmpty)
        #expect(rules.check(["n": "11"]).errors.isEmpty)
        #expect(rules.check(["n": 11, "x": 0.25]).errors == [
            ValidationIssue(path: "$.n", rule: "range_n", message: "Field 'n' value 11 outside range [0, 10]"),
            ValidationIssue(path: "$.x", rule: "range_x", message: "Field 'x' value 0.25 outside range [0.5, 1.5]"),
        ])
        #expect(try Self.rules(["ranges": ["b": [2, 3]]]).check(["b": true]).errors.map(\.message)
                == ["Field 'b' value True outside range [2, 3]"])
    }

    @Test func enumsAreCaseInsensitiveForStrings() throws {
        let rules = try Self.rules(["enums": ["o": ["Reached_Ship", "fell_in_water", 1]]])
        #expect(rules.check(["o": "reached_SHIP"]).errors.isEmpty)
        #expect(rules.check(["o": 1.0]).errors.isEmpty)
        #expect(rules.check(["o": true]).errors.isEmpty)
        #expect(rules.check(["o": "swam"]).errors == [ValidationIssue(
            path: "$.o", rule: "enum_o",
            message: "Field 'o' value 'swam' not in allowed values: ['Reached_Ship', 'fell_in_water', 1]")])
    }

    @Test func rulesWithPlaceholdersAndComputed() throws {
        let rules = try Self.rules(["rules": [
            ["name": "threshold", "expr": "score >= 0.6",
             "error": "Score {score} ({_computed}) below 0.6 for {name}; {missing} stays; {not a field}"],
        ]])
        #expect(rules.check(["score": 0.7]).errors.isEmpty)
        #expect(rules.check(["score": 0.5, "name": "Bob"]).errors == [ValidationIssue(
            path: "$", rule: "threshold",
            message: "Score 0.5 (0.5) below 0.6 for Bob; {missing} stays; {not a field}")])
    }

    @Test func placeholdersUsePythonStr() throws {
        let rules = try Self.rules(["rules": [["name": "r", "expr": "ok", "error": "{ok} {items} {n} {x} {odd key} {{ok}"]]])
        #expect(rules.check(["ok": false, "items": ["a", 1], "n": nil, "x": 1.0, "odd key": 1e16]).errors.map(\.message)
                == ["False ['a', 1] None 1.0 1e+16 {False"])
    }

    @Test func anyFalsyResultFails() throws {
        let rules = try Self.rules(["rules": [["name": "nonempty", "expr": "items", "error": "empty"]]])
        for falsy: Value in [0, 0.0, "", [], [:], nil, false] {
            #expect(rules.check(["items": falsy]).errors.count == 1, "\(falsy)")
        }
        #expect(rules.check(["items": [1]]).errors.isEmpty)
    }

    @Test func warningsDoNotFail() throws {
        let rules = try Self.rules(["rules": [["name": "soft", "expr": "n > 3", "error": "n is {n}", "level": "warning"]]])
        let outcome = rules.check(["n": 1])
        #expect(outcome.isValid)
        #expect(outcome.warnings == [ValidationIssue(path: "$", rule: "soft", message: "n is 1")])
    }

    @Test func whenConditions() throws {
        let rules = try Self.rules(["rules": [
            ["name": "gated", "expr": "n > 3", "error": "n is {n}", "when": "check == True"],
        ]])
        #expect(rules.check(["n": 1, "check": false]).errors.isEmpty)
        #expect(rules.check(["n": 1, "check": true]).errors.map(\.message) == ["n is 1"])
        let broken = rules.check(["n": 1])
        #expect(broken.errors.isEmpty)
        #expect(broken.warnings.map(\.rule) == ["gated"])
        #expect(broken.warnings.first?.message.contains("NameError: name 'check' is not defined") == true)
    }

    @Test func evaluationErrorsAreReportedWithTheMessage() throws {
        let rules = try Self.rules(["rules": [["name": "r", "expr": "len(n) > 2", "error": "bad {n}"]]])
        #expect(rules.check(["n": 5]).errors.map(\.message)
                == ["bad 5 (expression error: TypeError: object of type 'int' has no len())"])
    }

    @Test func typesRangesEnumsAndRulesAccumulate() throws {
        let rules = try Self.rules([
            "types": ["a": "string"], "ranges": ["b": [0, 1]], "enums": ["c": ["x"]],
            "rules": [["name": "r", "expr": "b < 1", "error": "b"]],
        ])
        #expect(rules.check(["a": 1, "b": 5, "c": "y"]).errors.map(\.rule) == ["type_a", "range_b", "enum_c", "r"])
    }

    @Test func badRuleIsAConfigDiagnosticNotARecordFailure() {
        do {
            _ = try Self.rules(["rules": [["name": "r", "expr": "syntax error here"]]])
            Issue.record("expected a diagnostic")
        } catch {
            #expect(error.diagnostics.map(\.id) == ["validation.invalid-expression"])
            #expect(error.diagnostics.first?.message.contains("validation.analyze.rules[0].expr") == true)
        }
    }

    @Test func diagnosticsAreLocatedThroughTheLoader() {
        let positions = ["validation.analyze.types.f": SourceLocation(file: "config.yaml", line: 12, column: 10)]
        do {
            _ = try StepRules.compile(["types": ["f": "intger"]], step: "analyze", compiler: nil, file: "config.yaml",
                                      locate: { positions[$0] })
            Issue.record("expected a diagnostic")
        } catch {
            #expect(error.diagnostics.first?.location == SourceLocation(file: "config.yaml", line: 12, column: 10))
        }
    }

    @Test func unknownKeysAreWarnings() throws {
        let rules = try StepRules.compile(["requird": ["a"]], step: "analyze", compiler: nil)
        #expect(rules.warnings.map(\.id) == ["validation.unknown-key"])
        #expect(rules.warnings.first?.help == "did you mean 'required'?")
    }

    @Test func computedLeftHandSideScanOrder() {
        #expect(computedLeftHandSide("a >= b") == "a")
        #expect(computedLeftHandSide("len(x) < 3 and y == 2") == "len(x) < 3 and y")
        #expect(computedLeftHandSide("a > b != c") == "a > b")
        #expect(computedLeftHandSide("flag") == nil)
    }
}
