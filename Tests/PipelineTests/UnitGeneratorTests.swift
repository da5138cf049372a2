import Basics
import Foundation
import Pipeline
import TestSupport
import Testing

@Suite struct UnitGeneratorTests {
    static let drunkenSailorItems: Value = [
        "scenarios": [["id": "start_at_5", "scenario_name": "Start at Position 5", "start_position": 5]],
    ]

    @Test(.enabled(if: TestPaths.hasShared))
    func drunkenSailorUnitsAreByteIdenticalToThePythonTool() throws {
        let spec = UnitGenerationSpec(strategy: .direct, itemsKey: "scenarios", nameField: "id", repeatCount: 100)
        let units = try UnitGenerator(spec: spec).units(items: Self.drunkenSailorItems)
        let golden = try #require(TestPaths.shared("testdata/octobatch-golden/drunken_sailor_units.jsonl"))
        let expected = try TestPaths.text(golden).split(separator: "\n").map(String.init)
        #expect(units.count == 100)
        #expect(units.map { Value.object($0).pythonJSON } == expected)
    }

    @Test func repetitionsInterleaveAndMaxUnitsTruncatesTheFinalList() throws {
        let items: Value = ["s": [["id": "a"], ["id": "b"]]]
        let spec = UnitGenerationSpec(strategy: .direct, itemsKey: "s", nameField: "id", repeatCount: 3)
        let units = try UnitGenerator(spec: spec).units(items: items, maxUnits: 5)
        #expect(units.map { $0["unit_id"] } == ["a__rep0000", "b__rep0000", "a__rep0001", "b__rep0001", "a__rep0002"])
        #expect(units[2]["_repetition_seed"] == .int(SHA256.octobatchSeed("a") + 1))
        #expect(units[0].keys == ["unit_id", "id", "_repetition_id", "_repetition_seed"])
    }

    @Test func repetitionIdsWidenPastFourDigits() {
        #expect(UnitGeneratorTestAccess.padded(10_000) == "10000")
        #expect(UnitGeneratorTestAccess.padded(7) == "0007")
    }

    @Test func blackjackSeedsMatchReference() throws {
        let items: Value = ["strategies": [["id": "the_pro"], ["id": "the_gambler"], ["id": "the_coward"]]]
        let spec = UnitGenerationSpec(strategy: .direct, itemsKey: "strategies", nameField: "id", repeatCount: 300)
        let units = try UnitGenerator(spec: spec).units(items: items)
        #expect(units.count == 900)
        #expect(units[0]["_repetition_seed"] == .int(1_523_599_025))
        #expect(units[1]["_repetition_seed"] == .int(746_667_601))
        #expect(units[5]["unit_id"] == "the_coward__rep0001")
        #expect(units[5]["_repetition_seed"] == .int(1_860_513_333))
    }

    @Test func crossProductOrderAndIds() throws {
        let items: Value = [
            "personalities": [["id": "gruff_blacksmith", "name": "Gruff Blacksmith"], ["id": "wise_elder"]],
            "moods": [["id": "friendly"], ["id": "aggressive"]],
            "topics": [["name": "Asking for Directions"]],
        ]
        let spec = UnitGenerationSpec(
            strategy: .crossProduct,
            positions: [.init(name: "npc", sourceKey: "personalities"), .init(name: "mood"), .init(name: "topic")],
            nameField: "id")
        let units = try UnitGenerator(spec: spec).units(items: items)
        #expect(units.map { $0["unit_id"] } == [
            "gruff_blacksmith-friendly-Asking_for_Directions", "gruff_blacksmith-aggressive-Asking_for_Directions",
            "wise_elder-friendly-Asking_for_Directions", "wise_elder-aggressive-Asking_for_Directions",
        ])
        #expect(units[0].keys == ["unit_id", "npc", "mood", "topic"])
        #expect(units[0]["npc"] == ["id": "gruff_blacksmith", "name": "Gruff Blacksmith"])
    }

    @Test func permutationOrderMatchesItertools() throws {
        let items: Value = [["name": "a"], ["name": "b/c"], ["name": "d e"]]
        let spec = UnitGenerationSpec(strategy: .permutation, positions: [.init(name: "x"), .init(name: "y")])
        let ids = try UnitGenerator(spec: spec).units(items: items).map { $0["unit_id"]?.stringValue ?? "" }
        #expect(ids == ["a-b-c", "a-d_e", "b-c-a", "b-c-d_e", "d_e-a", "d_e-b-c"])
    }

    @Test func directCopiesPositionsFirstThenEveryItemKey() throws {
        let items: Value = [["z": 1, "id": 7, "hand": ["A", "K"]]]
        let spec = UnitGenerationSpec(strategy: .direct, positions: [.init(name: "hand")], nameField: "id")
        let unit = try #require(try UnitGenerator(spec: spec).units(items: items).first)
        #expect(unit.keys == ["unit_id", "hand", "z", "id"])
        #expect(unit["unit_id"] == "7")
    }

    @Test(arguments: [
        (UnitGenerationSpec(strategy: .direct, nameField: "id"), Value.array([["id": "a"], ["id": "a"]]), "units.duplicate-id"),
        (UnitGenerationSpec(strategy: .direct, nameField: "id"), Value.array([["id": ""]]), "units.missing-name"),
        (UnitGenerationSpec(strategy: .direct, nameField: "id"), Value.array([["id": 0]]), "units.missing-name"),
        (UnitGenerationSpec(strategy: .direct, itemsKey: "k"), Value.array([]), "units.items-shape"),
        (UnitGenerationSpec(strategy: .direct, itemsKey: "k"), Value.object(["j": []]), "units.missing-source-key"),
        (UnitGenerationSpec(strategy: .direct), Value.array([1]), "units.items-shape"),
        (UnitGenerationSpec(strategy: .permutation), Value.array([["name": "a"]]), "units.missing-positions"),
        (UnitGenerationSpec(strategy: .permutation, positions: [.init(name: "a"), .init(name: "b")]),
         Value.array([["name": "a"]]), "units.not-enough-items"),
        (UnitGenerationSpec(strategy: .crossProduct, positions: [.init(name: "mood")]),
         Value.object(["moods_": []]), "units.missing-source-key"),
    ])
    func mistakesAreNamedErrors(spec: UnitGenerationSpec, items: Value, id: String) {
        do {
            _ = try UnitGenerator(spec: spec).baseUnits(items: items)
            Issue.record("expected \(id)")
        } catch {
            #expect(error.id == id)
        }
    }

    @Test func hugePermutationsAreRefusedNotAttempted() {
        let items = Value.array((0..<60).map { .object(["name": .string("i\($0)")]) })
        let spec = UnitGenerationSpec(strategy: .permutation, positions: (0..<6).map { .init(name: "p\($0)") })
        #expect(throws: UnitGenerationError.self) { try UnitGenerator(spec: spec).baseUnits(items: items) }
    }
}

/// Reaches the internal helpers under test through their public behaviour.
enum UnitGeneratorTestAccess {
    static func padded(_ rep: Int) -> String {
        let spec = UnitGenerationSpec(strategy: .direct, nameField: "id", repeatCount: rep + 1)
        let units = (try? UnitGenerator(spec: spec).units(items: [["id": "u"]])) ?? []
        return units.last?["unit_id"]?.stringValue.map { String($0.dropFirst("u__rep".count)) } ?? ""
    }
}
