/// MT19937 exactly as CPython's `_randommodule.c`: `init_genrand`, `init_by_array`, `genrand_uint32`.
///
/// Invariants: `state` always holds 624 words and `index` is in 0...624; the generator is a value type, so
/// copying it forks the stream.
public struct MersenneTwister: Sendable {
    private static let n = 624
    private static let m = 397
    private var state: [UInt32]
    private var index: Int

    /// `init_genrand(19650218)`, the fixed starting point of every `init_by_array`, computed once.
    private static let initialState: [UInt32] = {
        var state = [UInt32](repeating: 0, count: n)
        state[0] = 19_650_218
        for i in 1..<n {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(truncatingIfNeeded: i)
        }
        return state
    }()

    /// Seeds from the 32-bit words of `key` (CPython `init_by_array`).
    public init(key: [UInt32]) {
        let n = MersenneTwister.n
        var mt = MersenneTwister.initialState
        mt.withUnsafeMutableBufferPointer { state in
            // The previous word is kept in a register: the chain is serial, so reloading it from memory
            // would add a store-to-load delay to every step.
            var i = 1, j = 0
            let keyLength = max(1, key.count)
            var k = max(n, keyLength)
            var previous = state[0]
            while k > 0 {
                let keyWord = key.isEmpty ? 0 : key[j]
                let value = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_664_525)) &+ keyWord &+ UInt32(truncatingIfNeeded: j)
                state[i] = value
                previous = value
                i += 1
                j += 1
                if i >= n { state[0] = state[n - 1]; i = 1 }
                if j >= keyLength { j = 0 }
                k -= 1
            }
            previous = state[i - 1]
            k = n - 1
            while k > 0 {
                let value = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_566_083_941)) &- UInt32(truncatingIfNeeded: i)
                state[i] = value
                previous = value
                i += 1
                if i >= n { state[0] = state[n - 1]; i = 1 }
                k -= 1
            }
            state[0] = 0x8000_0000
        }
        state = mt
        index = n
    }

    /// Python's `random.seed(int)`: the key is the little-endian 32-bit words of `abs(seed)` (`[0]` for 0).
    public init(seed: Int) {
        let magnitude = seed.magnitude
        let high = UInt32(truncatingIfNeeded: magnitude >> 32)
        let low = UInt32(truncatingIfNeeded: magnitude)
        self.init(key: high == 0 ? [low] : [low, high])
    }

    /// The next 32-bit output.
    public mutating func nextUInt32() -> UInt32 {
        if index >= MersenneTwister.n { regenerate() }
        var y = state.withUnsafeBufferPointer { $0[index] }
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    private mutating func regenerate() {
        let n = MersenneTwister.n, m = MersenneTwister.m
        state.withUnsafeMutableBufferPointer { mt in
            for kk in 0..<n {
                let next = kk + 1 == n ? 0 : kk + 1
                let far = kk + m >= n ? kk + m - n : kk + m
                let y = (mt[kk] & 0x8000_0000) | (mt[next] & 0x7FFF_FFFF)
                let mag: UInt32 = (y & 1) == 0 ? 0 : 0x9908_B0DF
                mt[kk] = mt[far] ^ (y >> 1) ^ mag
            }
        }
        index = 0
    }
}
