import Foundation

/// Python's `int / int` for 64-bit operands: the correctly rounded (half-even) double of the exact quotient,
/// also when the operands are not exactly representable as doubles (where `Double(a) / Double(b)` would round
/// twice).
enum IntegerDivision {
    static func trueDivide(_ a: Int, _ b: Int) -> Double {
        let negative = (a < 0) != (b < 0)
        let n = UInt64(a.magnitude), d = UInt64(b.magnitude)
        if n == 0 { return negative ? -0.0 : 0.0 }
        // Exactly representable operands: IEEE division is already correctly rounded.
        if n < (1 << 53) && d < (1 << 53) {
            let r = Double(n) / Double(d)
            return negative ? -r : r
        }
        // Scale so that the integer quotient m = floor(n * 2^s / d) has exactly 55 bits (53 + guard + round),
        // then round half-even using the two extra bits and the remainder as sticky bit.
        let nBits = UInt64.bitWidth - n.leadingZeroBitCount
        let dBits = UInt64.bitWidth - d.leadingZeroBitCount
        var s = 55 - (nBits - dBits)
        var (m, sticky) = scaledQuotient(n, d, s)
        if m >= (1 << 55) {
            s -= 1
            (m, sticky) = scaledQuotient(n, d, s)
        } else if m < (1 << 54) {
            s += 1
            (m, sticky) = scaledQuotient(n, d, s)
        }
        // m in [2^54, 2^55): keep 53 bits.
        let dropped = m & 3
        var mantissa = m >> 2
        let half: UInt64 = 2
        if dropped > half || (dropped == half && (sticky || mantissa & 1 == 1)) {
            mantissa += 1
        }
        let r = scalbn(Double(mantissa), 2 - s)
        return negative ? -r : r
    }

    /// floor(n * 2^s / d) (or floor(n / (d * 2^-s)) for negative s) and whether a remainder was dropped.
    private static func scaledQuotient(_ n: UInt64, _ d: UInt64, _ s: Int) -> (UInt64, Bool) {
        if s >= 0 {
            // 128-bit dividend n << s; the quotient fits in 64 bits by the choice of s.
            let high: UInt64 = s == 0 ? 0 : (s >= 64 ? n << (s - 64) : n >> (64 - s))
            let low: UInt64 = s >= 64 ? 0 : n << s
            let (q, r) = d.dividingFullWidth((high, low))
            return (q, r != 0)
        }
        let shift = -s
        let q = n / d
        let r = n % d
        let lostBits = q & ((1 << UInt64(shift)) - 1)
        return (q >> UInt64(shift), r != 0 || lostBits != 0)
    }
}
