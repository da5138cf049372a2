/// Removes API keys from text before it goes into an error, a log or a file.
///
/// Invariants: the output never contains a run of 16+ key characters that starts with a known key prefix
/// (`sk-`, `sk-ant-`, `sk-proj-`, `AIza`) nor any of the exact `knownSecrets`; everything else is kept as
/// is. Redacted spans become `[REDACTED]`.
public struct SecretRedactor: Sendable {
    public static let prefixes = ["sk-", "AIza"]
    public static let marker = "[REDACTED]"

    /// Exact secret values (e.g. the API keys read from the environment) to remove wherever they appear.
    public var knownSecrets: [String]

    public init(knownSecrets: [String] = []) {
        self.knownSecrets = knownSecrets.filter { $0.count >= 4 }
    }

    public func redact(_ text: String) -> String {
        var result = text
        for secret in knownSecrets where result.contains(secret) {
            result = result.replacing(secret, with: Self.marker)
        }
        return Self.redactPrefixedKeys(result)
    }

    /// Replaces key-shaped tokens (a known prefix followed by key characters, 16+ in all).
    public static func redactPrefixedKeys(_ text: String) -> String {
        let chars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < chars.count {
            if let length = keyLength(chars, at: i) {
                out.append(contentsOf: marker.unicodeScalars)
                i += length
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return String(out)
    }

    private static func keyLength(_ chars: [Unicode.Scalar], at start: Int) -> Int? {
        if start > 0, isKeyCharacter(chars[start - 1]) { return nil }
        for prefix in prefixes {
            let p = Array(prefix.unicodeScalars)
            guard start + p.count <= chars.count, Array(chars[start..<start + p.count]) == p else { continue }
            var end = start + p.count
            while end < chars.count, isKeyCharacter(chars[end]) { end += 1 }
            if end - start >= 16 { return end - start }
        }
        return nil
    }

    private static func isKeyCharacter(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "-" || c == "_"
    }
}
