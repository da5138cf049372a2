import Basics
import Commands
import Foundation
import TestSupport
import Testing

/// Our demo pipelines (`pipelines/`), run end to end in-process through the offline mock provider: every
/// unit must pass every step, and the answers must be *right* (checked here independently of the
/// pipelines' own expressions).
@Suite struct DemoPipelineTests {
    static let pipelines = ["DrunkenSailor", "Blackjack", "NPCDialog"]

    @Test(arguments: pipelines)
    func validatesWithoutErrorsOrWarnings(name: String) async {
        let run = await ToolRun.run(["validate", DemoRun.pipeline(name)])
        #expect(run.code == .success)
        #expect(!run.stderr.contains("warning"), "\(run.stderr)")
        #expect(!run.stderr.contains("error"), "\(run.stderr)")
        #expect(run.stdout.contains("\nOK\n"), "\(run.stdout)")
    }

    @Test func drunkenSailorOutcomesFollowTheWalks() async throws {
        let run = try await DemoRun.start("DrunkenSailor")
        defer { run.remove() }
        #expect(run.code == .success, "\(run.stderr)")
        try run.expectEveryUnitValid(steps: ["random_walk", "analyze"], units: 300)
        let records = try run.records(step: "analyze")
        var outcomes: [String: [String: Int]] = [:]
        for record in records {
            let path = (record["path"]?.arrayValue ?? []).compactMap { $0.intValue }
            #expect(path.count >= 2)
            let final = try #require(record["final_position"]?.intValue)
            let outcome = try #require(record["outcome"]?.stringValue)
            #expect(path.first == record["start_position"]?.intValue)
            #expect(path.last == final && record["position"]?.intValue == final)
            #expect(final == 0 || final == 10)
            #expect(outcome == (final == 0 ? "fell_in_water" : "reached_ship"))
            #expect(record["steps_taken"]?.intValue == path.count - 1)
            #expect(zip(path, path.dropFirst()).allSatisfy { abs($0 - $1) == 1 })
            #expect(path.dropLast().allSatisfy { (1...9).contains($0) }, "the walk stops at the first 0 or 10")
            outcomes[record["id"]?.stringValue ?? "", default: [:]][outcome, default: 0] += 1
        }
        // Same unit ids and seeds as the Python tool's demo, so the same walks: 47 fell in, 53 reached the ship.
        #expect(outcomes["start_at_5"] == ["fell_in_water": 47, "reached_ship": 53])
        #expect(outcomes["start_at_3"]?.values.reduce(0, +) == 100)
        #expect(outcomes["start_at_8"]?.values.reduce(0, +) == 100)

        // And the walks themselves are the Python tool's, position by position (when ../shared is present).
        guard let golden = TestPaths.shared("testdata/octobatch-golden/drunken_sailor_random_walk_validated.jsonl"),
              FileManager.default.fileExists(atPath: golden.path) else { return }
        let python = try JSONLReader.records(path: golden.path)
        let ours = Dictionary(uniqueKeysWithValues: records.compactMap { r in r["unit_id"]?.stringValue.map { ($0, r) } })
        #expect(python.count == 100)
        for expected in python {
            let record = try #require(ours[expected["unit_id"]?.stringValue ?? ""])
            #expect(record["path"] == expected["path"] && record["steps_taken"] == expected["steps_taken"])
        }
    }

    @Test func blackjackHandsArePlayedByTheRules() async throws {
        let run = try await DemoRun.start("Blackjack")
        defer { run.remove() }
        #expect(run.code == .success, "\(run.stderr)")
        let steps = ["deal_cards", "play_hand", "verify_hand", "verify_strategy", "analyze_difficulty"]
        try run.expectEveryUnitValid(steps: steps, units: 90)
        var strategies: [String: Int] = [:]
        var firstActions: Set<String> = []
        for record in try run.records(step: "analyze_difficulty") {
            let strategy = try #require(record["id"]?.stringValue)
            let cards = { (key: String) in record[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
            let hand = BlackjackReferee.play(
                strategy: strategy,
                player: [record["player_card_1"]?.stringValue ?? "", record["player_card_2"]?.stringValue ?? ""],
                playerPool: cards("player_extra_cards"),
                dealer: [record["dealer_up_card"]?.stringValue ?? "", record["dealer_hole_card"]?.stringValue ?? ""],
                dealerPool: cards("dealer_extra_cards"))
            let unit = record["unit_id"]?.stringValue ?? "?"
            #expect(cards("player_cards_used") == hand.player, "\(unit)")
            #expect(cards("dealer_cards_used") == hand.dealer, "\(unit)")
            #expect(record["first_action"]?.stringValue == hand.firstAction, "\(unit)")
            #expect(record["player_final_total"]?.intValue == BlackjackReferee.total(hand.player).total, "\(unit)")
            #expect(record["dealer_final_total"]?.intValue == BlackjackReferee.total(hand.dealer).total, "\(unit)")
            #expect(record["result"]?.stringValue == hand.result, "\(unit)")
            #expect(record["hand_verified"] == .bool(true) && record["strategy_followed"] == .bool(true), "\(unit)")
            #expect(["easy", "medium", "hard"].contains(record["difficulty"]?.stringValue ?? ""))
            #expect((record["action_log"]?.arrayValue?.count ?? 0) >= 3)
            strategies[strategy, default: 0] += 1
            firstActions.insert(hand.firstAction)
        }
        #expect(strategies == ["pro": 30, "gambler": 30, "coward": 30])
        #expect(firstActions == ["hit", "stand", "double_down"], "the 90 default hands exercise every first action")
    }

    @Test func npcDialogScoresPassTheThresholds() async throws {
        let run = try await DemoRun.start("NPCDialog")
        defer { run.remove() }
        #expect(run.code == .success, "\(run.stderr)")
        try run.expectEveryUnitValid(steps: ["generate_dialog", "score_consistency"], units: 36)
        let records = try run.records(step: "score_consistency")
        // LLM records are written as answers arrive (completion order), so look the unit up.
        #expect(records.contains { $0["unit_id"] == "ferryman-friendly-directions" })
        for record in records {
            let unit = record["unit_id"]?.stringValue ?? "?"
            let personality = try #require(record["personality_consistency"]?.numberValue)
            let mood = try #require(record["mood_responsiveness"]?.numberValue)
            #expect((0.6...1).contains(personality) && (0.6...1).contains(mood), "\(unit)")
            let tone = try #require(record["tone"]?.stringValue)
            #expect(["warm", "cold", "nervous", "hostile", "mysterious"].contains(tone))
            #expect(record["final_tone"]?.stringValue == tone)
            #expect(record["npc_name"] == record["npc"]?["name"] && record["mood_name"] == record["mood"]?["name"])
            let dialog = try #require(record["dialog"]?.stringValue)
            let lines = dialog.split(separator: "\n")
            #expect(lines.count == 6 && lines.allSatisfy { $0.hasPrefix("NPC: ") || $0.hasPrefix("Player: ") }, "\(unit)")
            #expect(dialog.contains(record["topic"]?["request"]?.stringValue ?? "<none>"), "\(unit)")
        }
        #expect(Set(records.compactMap { $0["tone"]?.stringValue }).count >= 4, "the tone depends on character and mood")
    }
}
