import Basics

/// A small deterministic random number generator (SplitMix64) for the mock provider and retry jitter.
///
/// Invariants: the same seed always yields the same sequence on every platform; never used where
/// CPython-exact randomness is required (that is the Expressions module's MT19937).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator seeded from the SHA-256 of `key` (first 8 bytes, big-endian).
    public init(key: String) { self.init(seed: Self.hash64(key)) }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// The first 8 bytes of SHA-256(`key`), big-endian.
    public static func hash64(_ key: String) -> UInt64 {
        let digest = SHA256.hash(key)
        return digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Uniform fractions in [0, 1) taken from consecutive 8-byte words of SHA-256(`key`) (at most 4).
    public static func fractions(_ key: String) -> [Double] {
        let digest = SHA256.hash(key)
        return (0..<4).map { word in
            let bits = digest[word * 8..<word * 8 + 8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            return Double(bits >> 11) / Double(1 << 53)
        }
    }
}
