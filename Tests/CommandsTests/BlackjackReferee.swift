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
