import Basics
import Foundation
import Templates

/// `octobatch-bench templates [N]`: compiles the Blackjack `play_hand` prompt template once (from
/// ../shared/octobatch-pipelines when present, else a built-in template of similar size and shape) and
/// renders it for N (default 200,000) different unit contexts on one thread; prints renders/s against
/// the goal of ≥ 100,000 renders/s. The output is checksummed so no render can be optimised away.
func templatesBenchmark(arguments: [String]) throws {
    let renders = arguments.first.flatMap { Int($0) } ?? 200_000
    let (source, origin) = benchmarkTemplateSource()
    let template = try Template(source: source, name: "play_hand.jinja2")
    let cards = ["A", "2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K"]
    let strategies: [(String, String)] = [
        ("The Pro", "Always hit on hard 8 or less.\nStand on hard 17+.\nDo not split pairs.\n"),
        ("The Gambler", "Double down on 10 or 11.\nHit until 17.\n"),
        ("The Coward", "Stand on 12 or more.\nNever double down.\n"),
    ]
    // Contexts are built up front (a unit arrives as a ready ValueObject in the pipeline too).
    let distinct = min(renders, 10_000)
    var contexts: [ValueObject] = []
    contexts.reserveCapacity(distinct)
    for i in 0..<distinct {
        let (name, rules) = strategies[i % strategies.count]
        func card(_ k: Int) -> Value { .string(cards[(i * 7 + k * 5) % cards.count]) }
        contexts.append([
            "unit_id": .string("unit__rep\(i)"), "strategy_name": .string(name), "strategy_rules": .string(rules),
            "strategy_description": "A strategy", "_repetition_id": .int(i), "_repetition_seed": .int(1_000_000 + i),
            "player_card_1": card(0), "player_card_2": card(1), "dealer_up_card": card(2), "dealer_hole_card": card(3),
            "player_extra_cards": .array((4..<9).map(card)), "dealer_extra_cards": .array((9..<14).map(card)),
        ])
    }
    var checksum = 0
    var bytes = 0
    let clock = ContinuousClock()
    let start = clock.now
    for i in 0..<renders {
        let output = try template.render(contexts[i % distinct])
        bytes += output.utf8.count
        checksum &+= output.utf8.count &* (i | 1)
    }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("templates: \(renders) renders of play_hand.jinja2 (\(origin)) in \(String(format: "%.2f", seconds)) s")
    print("  renders/s: \(String(format: "%.0f", Double(renders) / seconds))  (goal ≥ 100,000 on one core)")
    print("  µs per render: \(String(format: "%.2f", seconds * 1e6 / Double(max(1, renders))))")
    print("  output MB/s: \(String(format: "%.1f", Double(bytes) / seconds / 1e6))  checksum \(checksum)")
}

private func benchmarkTemplateSource() -> (String, String) {
    let here = URL(fileURLWithPath: #filePath)
    let shared = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/octobatch-pipelines/Blackjack/templates/play_hand.jinja2")
    if let data = FileManager.default.contents(atPath: shared.path) {
        return (String(decoding: data, as: UTF8.self), "../shared")
    }
    var source = "You are simulating a blackjack hand. Play it EXACTLY according to the strategy below.\n\n"
    source += "## Strategy: {{ strategy_name }}\n{{ strategy_rules }}\n\n## Cards Dealt\n\n"
    source += "Player's cards: {{ player_card_1 }}, {{ player_card_2 }}\nDealer's up card: {{ dealer_up_card }}\n"
    source += "Dealer's hole card (face down): {{ dealer_hole_card }}\n"
    source += "Player's extra cards (for player hits only, use in order): {{ player_extra_cards }}\n"
    source += "Dealer's extra cards (for dealer hits only, use in order): {{ dealer_extra_cards }}\n\n"
    for rule in 1...24 {
        source += "\(rule). Rule text that explains one more detail of how the hand must be played, with arithmetic "
        source += "shown in every action log entry so totals are traceable — \u{2264} 21 means the ace counts 11.\n"
    }
    source += "\nRespond with a JSON object: {\"result\": \"player_wins|dealer_wins|push\"}\n"
    return (source, "built-in copy")
}
