/// Edit distance and "did you mean" suggestions for misspelled names.
public enum EditDistance {
    /// Levenshtein distance between two strings, counted in Unicode scalars.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate nearest to `name`, if it is close enough to be a plausible typo: a distance of at most
    /// a third of the longer name (minimum 1), or a case-insensitive match. Ties go to the earlier candidate.
    public static func suggestion<S: Sequence>(for name: String, from candidates: S) -> String?
    where S.Element == String {
        var best: (candidate: String, distance: Int)?
        let lowered = name.lowercased()
        for candidate in candidates where candidate != name {
            if candidate.lowercased() == lowered { return candidate }
            let d = distance(name, candidate)
            let limit = max(1, max(name.count, candidate.count) / 3)
            guard d <= limit else { continue }
            if let current = best, d >= current.distance { continue }
            best = (candidate, d)
        }
        return best?.candidate
    }

    /// "did you mean 'x'?" or nil.
    public static func didYouMean<S: Sequence>(_ name: String, in candidates: S) -> String?
    where S.Element == String {
        suggestion(for: name, from: candidates).map { "did you mean '\($0)'?" }
    }
}
