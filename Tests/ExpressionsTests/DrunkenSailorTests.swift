import Basics
import Foundation
import Testing
import TestSupport
@testable import Expressions

@Suite struct DrunkenSailorTests {
    static func randomWalk() throws -> ExpressionStep {
        try ExpressionStep(
            stepName: "random_walk",
            initExpressions: [("position", "start_position"), ("path", "[start_position]"), ("steps_taken", "0")],
            expressions: [("direction", "random.choice([-1, 1])"), ("position", "position + direction"),
                          ("path", "path + [position]"), ("steps_taken", "steps_taken + 1")],
            loopUntil: "position <= 0 or position >= 10", maxIterations: 1000)
    }

    @Test(.enabled(if: TestPaths.hasShared)) func reproducesGoldenWalksByteForByte() throws {
        let units = try #require(TestPaths.shared("testdata/octobatch-golden/drunken_sailor_units.jsonl"))
        let golden = try #require(TestPaths.shared("testdata/octobatch-golden/drunken_sailor_random_walk_validated.jsonl"))
        let expected = try String(contentsOf: golden, encoding: .utf8).split(separator: "\n").map(String.init)
        let step = try Self.randomWalk()
        var lines: [String] = []
        var fell = 0
        try JSONLReader.forEachRecord(path: units.path) { _, record in
            let output = try step.run(unit: try #require(record.objectValue))
            if output["position"] == .int(0) { fell += 1 }
            lines.append(JSONWriter.python(.object(output)))
        }
        #expect(lines.count == 100)
        #expect(fell == 47)
        for (got, want) in zip(lines, expected) { #expect(got == want) }
        // The batched path (generators seeded eight at a time) writes the same bytes.
        var inputs: [ValueObject] = []
        try JSONLReader.forEachRecord(path: units.path) { _, record in inputs.append(try #require(record.objectValue)) }
        let batched = try step.run(units: inputs).map { JSONWriter.python(.object(try $0.get())) }
        #expect(batched == expected)
    }

    @Test func batchedRunsEqualSingleRuns() throws {
        let step = try Self.randomWalk()
        // 21 units: two full blocks of eight and a tail; seeds at and beyond 2^32 (two-word keys) and
        // negative ones fall back to one-by-one seeding inside a block; one unit fails.
        var units: [ValueObject] = (0..<21).map { i in
            ["unit_id": .string("walk\(i)"), "start_position": .int(1 + i % 9), "_repetition_seed": .int(i * 7_919)]
        }
        units[9]["_repetition_seed"] = .int(1 << 32)
        units[10]["_repetition_seed"] = .int(-5)
        units[17]["start_position"] = "five"
        let batched = step.run(units: units)
        #expect(batched.count == units.count)
        for (unit, result) in zip(units, batched) {
            switch result {
            case .success(let output): #expect(output == (try step.run(unit: unit)))
            case .failure(let failure):
                #expect(unit["unit_id"] == "walk17")
                #expect(failure.expressionName == "position")
            }
        }
        #expect(batched.filter { if case .failure = $0 { return true } else { return false } }.count == 1)
    }

    @Test func fallInFractionIsAboutHalf() throws {
        let step = try Self.randomWalk()
        var fell = 0
        for i in 0..<10_000 {
            let out = try step.run(unit: ["unit_id": .string("walk\(i)"), "start_position": 5])
            if out["position"] == .int(0) { fell += 1 }
        }
        #expect((4_700...5_300).contains(fell))
    }

    @Test func seedDerivation() throws {
        #expect(ExpressionStep.seed(for: ["_repetition_seed": 42, "unit_id": "x"], stepName: "s") == 42)
        #expect(ExpressionStep.seed(for: ["unit_id": "start_at_5"], stepName: "") == 1_148_893_718)
    }

    @Test func batchesMixingKeyLayoutsEqualSingleRuns() throws {
        let step = try ExpressionStep(
            stepName: "mix", initExpressions: [("total", "0"), ("seen", "[]")],
            expressions: [("total", "total + random.randint(1, 3)"), ("seen", "seen + [total]"), ("_metadata", "1")],
            loopUntil: "total >= limit", maxIterations: 50)
        let units: [ValueObject] = (0..<19).map { i in
            switch i % 4 {
            case 0: return ["unit_id": .string("u\(i)"), "limit": .int(i)]
            case 1: return ["limit": .int(i), "unit_id": .string("u\(i)"), "total": "old"]
            case 2: return ["_metadata": ["from": "earlier"], "unit_id": .string("u\(i)"), "limit": .int(i), "seen": [1]]
            default: return ["unit_id": .string("u\(i)"), "limit": .int(i), "extra": .int(i)]
            }
        }
        let batched = step.run(units: units)
        for (unit, result) in zip(units, batched) {
            #expect(try result.get() == (try step.run(unit: unit)))
        }
        let first = try batched[2].get()
        #expect(first.keys == ["_metadata", "unit_id", "limit", "seen", "total"])
        #expect(first["_metadata"]?["from"] == "earlier")
        // No iteration ran: the expression names are not in the output, _metadata still is (last).
        let none = try ExpressionStep(stepName: "z", initExpressions: [("a", "1")], expressions: [("b", "2")],
                                      loopUntil: "True", maxIterations: 0)
        let out = try none.run(units: [["unit_id": "u"]])[0].get()
        #expect(out.keys == ["unit_id", "a", "_metadata"])
        #expect(out["_metadata"] == ["expression_step": "z", "iterations": 0, "timeout": true])
    }

    @Test func failuresInInitAndLoopUntilAreNamed() throws {
        let badInit = try ExpressionStep(stepName: "s", initExpressions: [("a", "1"), ("b", "a / 0")],
                                         expressions: [("c", "b")], loopUntil: "c > 0")
        #expect { try badInit.run(unit: ["unit_id": "u"]) } throws: { error in
            guard let failure = error as? ExpressionStep.Failure else { return false }
            return failure.expressionName == "b" && failure.source == "a / 0" && failure.error.kind == .zeroDivision
        }
        let badCondition = try ExpressionStep(stepName: "s", expressions: [("n", "1")], loopUntil: "n > 0 and nope")
        #expect { try badCondition.run(unit: ["unit_id": "u"]) } throws: { error in
            guard let failure = error as? ExpressionStep.Failure else { return false }
            return failure.expressionName == "loop_until" && failure.source == "n > 0 and nope"
                && failure.error.kind == .name && failure.error.offset == 10
        }
    }

    @Test func failureNamesTheExpression() throws {
        let step = try ExpressionStep(stepName: "s", expressions: [("a", "1"), ("b", "missing + 1")])
        #expect(throws: ExpressionStep.Failure.self) { try step.run(unit: ["unit_id": "u"]) }
        do {
            _ = try step.run(unit: ["unit_id": "u"])
        } catch {
            #expect(error.expressionName == "b")
            #expect(error.error.kind == .name)
            #expect(error.error.offset == 0)
        }
    }
}
