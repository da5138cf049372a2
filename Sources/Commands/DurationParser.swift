/// Parses `--timeout` values as the Python tool does: a plain number of seconds, or `1h30m`, `45m`, `90s`
/// (case-insensitive); we also accept fractions of seconds (`0.5`).
enum DurationParser {
    static func parse(_ text: String) -> Duration? {
        let lower = text.lowercased()
        if let seconds = Double(lower), seconds >= 0, seconds.isFinite {
            return .milliseconds(Int64((seconds * 1000).rounded()))
        }
        var total = 0.0
        var number = ""
        var sawUnit = false
        var lastRank = 0
        for character in lower {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            let rank: Int, factor: Double
            switch character {
            case "h": rank = 1; factor = 3600
            case "m": rank = 2; factor = 60
            case "s": rank = 3; factor = 1
            default: return nil
            }
            guard let value = Double(number), rank > lastRank else { return nil }
            total += value * factor
            number = ""
            lastRank = rank
            sawUnit = true
        }
        guard sawUnit, number.isEmpty else { return nil }
        return .milliseconds(Int64((total * 1000).rounded()))
    }
}
