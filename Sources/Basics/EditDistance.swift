/// Edit distance and "did you mean" suggestions for misspelled names.
public enum EditDistance {
    /// Edit distance counting insertions, deletions, substitutions and swaps of adjacent characters
    /// (optimal string alignment), in Unicode scalars: "modle" is one edit from "model".
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var d = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in 0...a.count { d[i * width] = i }
        for j in 0...b.count { d[j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1, d[(i - 1) * width + j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, d[(i - 2) * width + j - 2] + 1)
                }
                d[i * width + j] = best
            }
        }
        return d[a.count * width + b.count]
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
