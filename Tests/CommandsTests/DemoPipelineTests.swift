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
        #expect(run.stdout.hasSuffix("OK\n"), "\(run.stdout)")
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
        #expect(records.first?["unit_id"] == "ferryman-friendly-directions")
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

    @Test func validateSeesEarlierMockNamesButNotUnknownOnes() async throws {
        let dir = NSTemporaryDirectory() + "octobatch-mock-names-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/templates", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "items: [{id: a, n: 1}]\n".write(toFile: dir + "/items.yaml", atomically: true, encoding: .utf8)
        try "n is {{ n }}\n".write(toFile: dir + "/templates/ask.jinja2", atomically: true, encoding: .utf8)
        func config(_ lastMock: String) -> String {
            """
            pipeline:
              steps:
                - name: ask
                  mock:
                    _double: "n * 2"
                    answer: "\(lastMock)"
            api: {provider: mock}
            processing: {strategy: direct, items: {source: items.yaml, key: items, name_field: id}}
            prompts: {templates: {ask: ask.jinja2}}
            validation: {ask: {required: [answer]}}

            """
        }
        try config("_double + 1").write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        let good = await ToolRun.run(["validate", dir])
        #expect(good.code == .success, "\(good.stderr)")
        #expect(!good.stderr.contains("error"), "\(good.stderr)")
        try config("_tripple + 1").write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        let bad = await ToolRun.run(["validate", dir])
        #expect(bad.code == .usage)
        #expect(bad.stderr.contains("name '_tripple' is not defined in the mock answer of 'ask'"))
    }
}

/// One in-process `octobatch run` of a demo pipeline into a fresh temporary run directory.
struct DemoRun {
    let code: ExitCode
    let stderr: String
    let directory: String

    static func pipeline(_ name: String) -> String {
        TestPaths.packageRoot.appendingPathComponent("pipelines/\(name)").path
    }

    static func start(_ name: String, _ extra: [String] = []) async throws -> DemoRun {
        let directory = NSTemporaryDirectory() + "octobatch-demo-\(name)-\(UUID().uuidString)"
        let run = await ToolRun.run(["run", pipeline(name), "--run-dir", directory, "--quiet"] + extra)
        return DemoRun(code: run.code, stderr: run.stderr, directory: directory)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    var chunkDirectories: [String] {
        let chunks = directory + "/chunks"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: chunks)) ?? []
        return names.filter { $0.hasPrefix("chunk_") }.sorted().map { chunks + "/" + $0 }
    }

    /// Every validated record of a step, in chunk order.
    func records(step: String) throws -> [Value] {
        try chunkDirectories.flatMap { try JSONLReader.records(path: $0 + "/\(step)_validated.jsonl") }
    }

    /// Each step validated every unit, and no step recorded a failure.
    func expectEveryUnitValid(steps: [String], units: Int,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(try JSONLReader.records(path: directory + "/input/units.jsonl").count == units,
                sourceLocation: sourceLocation)
        #expect(!chunkDirectories.isEmpty, sourceLocation: sourceLocation)
        for step in steps {
            let valid = try records(step: step)
            #expect(valid.count == units, "\(step)", sourceLocation: sourceLocation)
            #expect(Set(valid.compactMap { $0["unit_id"]?.stringValue }).count == units, "\(step)",
                    sourceLocation: sourceLocation)
            for chunk in chunkDirectories {
                let failures = chunk + "/\(step)_failures.jsonl"
                let text = (try? String(contentsOfFile: failures, encoding: .utf8)) ?? ""
                #expect(text.isEmpty, "\(failures): \(text.prefix(500))", sourceLocation: sourceLocation)
            }
        }
    }
}

/// The house rules and strategies of pipelines/Blackjack, written independently of its expressions.
enum BlackjackReferee {
    static func value(_ card: String) -> Int {
        card == "A" ? 1 : ["J", "Q", "K"].contains(card) ? 10 : Int(card) ?? 0
    }

    /// The best total (an ace counts 11 when that keeps the hand at 21 or less) and whether it is soft.
    static func total(_ cards: [String]) -> (total: Int, soft: Bool) {
        let hard = cards.map(value).reduce(0, +)
        let soft = cards.contains("A") && hard + 10 <= 21
        return (soft ? hard + 10 : hard, soft)
    }

    static func decision(_ strategy: String, total: Int, soft: Bool, up: String, first: Bool) -> String {
        let high = ["7", "8", "9", "10", "J", "Q", "K", "A"].contains(up)
        let strong = ["9", "10", "J", "Q", "K", "A"].contains(up)
        switch strategy {
        case "coward":
            return total >= 12 ? "stand" : "hit"
        case "pro":
            if total >= 21 { return "stand" }
            if soft { return total <= 17 || (total == 18 && strong) ? "hit" : "stand" }
            if total <= 10 { return "hit" }
            if total == 11 { return first ? "double_down" : "hit" }
            if total >= 17 { return "stand" }
            return high ? "hit" : "stand"
        default:  // gambler
            if total >= 21 { return "stand" }
            if first && !soft && (total == 10 || total == 11) { return "double_down" }
            if total <= 16 { return "hit" }
            if total >= 19 { return "stand" }
            return high ? "hit" : "stand"
        }
    }

    struct Hand {
        var player: [String]
        var dealer: [String]
        var firstAction: String
        var result: String
    }

    static func play(strategy: String, player: [String], playerPool: [String], dealer: [String],
                     dealerPool: [String]) -> Hand {
        var hand = Hand(player: player, dealer: dealer, firstAction: "", result: "")
        var pool = playerPool[...]
        while total(hand.player).total <= 21, let next = pool.first {
            let (t, soft) = total(hand.player)
            let action = decision(strategy, total: t, soft: soft, up: dealer[0], first: hand.player.count == 2)
            if hand.firstAction.isEmpty { hand.firstAction = action }
            if action == "stand" { break }
            hand.player.append(next)
            pool = pool.dropFirst()
            if action == "double_down" { break }
        }
        if hand.firstAction.isEmpty { hand.firstAction = "stand" }
        let playerTotal = total(hand.player).total
        var dealerPool = dealerPool[...]
        if playerTotal <= 21 {
            while total(hand.dealer).total < 17, let next = dealerPool.first {
                hand.dealer.append(next)
                dealerPool = dealerPool.dropFirst()
            }
        }
        let dealerTotal = total(hand.dealer).total
        hand.result = playerTotal > 21 ? "dealer_wins"
            : dealerTotal > 21 || playerTotal > dealerTotal ? "player_wins"
            : dealerTotal > playerTotal ? "dealer_wins" : "push"
        return hand
    }
}

/// Diagnostics inside multi-line expressions (our demos use `>-` blocks and YAML aliases) point at the
/// scalar (or its anchor), not at a column computed as if the text were one line; one-line plain and quoted
/// expressions keep the exact column.
@Suite struct MultiLineExpressionLocationTests {
    @Test func undefinedNamesArePlacedOnlyWhereTheTextIsOneSourceLine() async throws {
        let dir = NSTemporaryDirectory() + "octobatch-locations-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/templates", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "items: [{id: a, n: 1}]\n".write(toFile: dir + "/items.yaml", atomically: true, encoding: .utf8)
        try "n is {{ n }}\n".write(toFile: dir + "/templates/ask.jinja2", atomically: true, encoding: .utf8)
        let config = """
            pipeline:
              steps:
                - name: ask
                  mock:
                    plain: n + zz1
                    quoted: "n + zz2"
                    folded: >-
                      n +
                      zz3
                    first: &shared "n + zz4"
                    second: *shared
                    syntax: >-
                      n +
                      (
            api: {provider: mock}
            processing: {strategy: direct, items: {source: items.yaml, key: items, name_field: id}}
            prompts: {templates: {ask: ask.jinja2}}
            validation: {ask: {required: [plain]}}

            """
        try config.write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        let run = await ToolRun.run(["validate", dir])
        #expect(run.code == .usage)
        let found = run.stderr.split(separator: "\n").compactMap { line -> String? in
            guard line.contains(": error: "), let range = line.range(of: "config.yaml:") else { return nil }
            let rest = line[range.upperBound...]
            let position = rest.prefix { $0 != " " }.dropLast()
            let name = rest.contains("'zz") ? String(rest[rest.range(of: "'zz")!.lowerBound...].prefix(5)) : "syntax"
            return "\(name)@\(position)"
        }
        #expect(found.sorted() == ["'zz1'@5:20", "'zz2'@6:22", "'zz3'@7:17", "'zz4'@10:17", "'zz4'@11:17", "syntax@12:17"],
                "\(run.stderr)")
    }
}
