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
        if key.count > n {
            MersenneTwister.initByLongArray(&mt, key)
            state = mt
            index = n
            return
        }
        mt.withUnsafeMutableBufferPointer { state in
            // CPython's init_by_array with its `i`/`j` wrap-around unrolled into straight loops (key length
            // ≤ n, always true for int seeds). The previous word stays in a register: the chain is serial.
            let keyLength = max(1, key.count)
            let keyWords = key.isEmpty ? [0] : key
            var j = 0
            var previous = state[0]
            func mixFirst(_ i: Int) {
                let value = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_664_525)) &+ keyWords[j] &+ UInt32(truncatingIfNeeded: j)
                state[i] = value
                previous = value
                j += 1
                if j >= keyLength { j = 0 }
            }
            // First loop: max(n, keyLength) = n steps over i = 1..<n, then i wraps to 1 for the last step.
            for i in 1..<n { mixFirst(i) }
            state[0] = state[n - 1]
            mixFirst(1)
            // Second loop: n - 1 steps from i = 2 to n - 1, then i wraps to 1 for the last step.
            func mixSecond(_ i: Int) {
                let value = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_566_083_941)) &- UInt32(truncatingIfNeeded: i)
                state[i] = value
                previous = value
            }
            for i in 2..<n { mixSecond(i) }
            state[0] = state[n - 1]
            mixSecond(1)
            state[0] = 0x8000_0000
        }
        state = mt
        index = n
    }

    /// `init_by_array` as CPython writes it, for keys longer than the state (never produced by int seeds).
    private static func initByLongArray(_ state: inout [UInt32], _ key: [UInt32]) {
        var i = 1, j = 0
        var k = max(n, key.count)
        while k > 0 {
            let previous = state[i - 1] ^ (state[i - 1] >> 30)
            state[i] = (state[i] ^ (previous &* 1_664_525)) &+ key[j] &+ UInt32(truncatingIfNeeded: j)
            i += 1
            j += 1
            if i >= n { state[0] = state[n - 1]; i = 1 }
            if j >= key.count { j = 0 }
            k -= 1
        }
        k = n - 1
        while k > 0 {
            let previous = state[i - 1] ^ (state[i - 1] >> 30)
            state[i] = (state[i] ^ (previous &* 1_566_083_941)) &- UInt32(truncatingIfNeeded: i)
            i += 1
            if i >= n { state[0] = state[n - 1]; i = 1 }
            k -= 1
        }
        state[0] = 0x8000_0000
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
            // genrand_uint32's three loops (no index wrap-around inside the loops).
            @inline(__always) func twist(_ kk: Int, _ next: Int, _ far: Int) {
                let y = (mt[kk] & 0x8000_0000) | (mt[next] & 0x7FFF_FFFF)
                mt[kk] = mt[far] ^ (y >> 1) ^ ((y & 1) &* 0x9908_B0DF)
            }
            // Eight words at a time: a chunk only reads words it does not write (kk + 1 ... kk + 8 are still
            // old, kk + m and kk + m - n are outside the chunk), so lanes are independent.
            guard let base = mt.baseAddress else { return }
            let raw = UnsafeMutableRawPointer(base)
            let upper = SIMD8<UInt32>(repeating: 0x8000_0000), lower = SIMD8<UInt32>(repeating: 0x7FFF_FFFF)
            let matrix = SIMD8<UInt32>(repeating: 0x9908_B0DF), one = SIMD8<UInt32>(repeating: 1)
            @inline(__always) func twist8(_ kk: Int, _ far: Int) {
                let current = raw.loadUnaligned(fromByteOffset: kk * 4, as: SIMD8<UInt32>.self)
                let next = raw.loadUnaligned(fromByteOffset: (kk + 1) * 4, as: SIMD8<UInt32>.self)
                let distant = raw.loadUnaligned(fromByteOffset: far * 4, as: SIMD8<UInt32>.self)
                let y = (current & upper) | (next & lower)
                let result = distant ^ (y &>> 1) ^ ((y & one) &* matrix)
                raw.storeBytes(of: result, toByteOffset: kk * 4, as: SIMD8<UInt32>.self)
            }
            var kk = 0
            while kk + 8 <= n - m { twist8(kk, kk + m); kk += 8 }
            while kk < n - m { twist(kk, kk + 1, kk + m); kk += 1 }
            while kk + 8 <= n - 1 { twist8(kk, kk + m - n); kk += 8 }
            while kk < n - 1 { twist(kk, kk + 1, kk + m - n); kk += 1 }
            twist(n - 1, 0, m - 1)
        }
        index = 0
    }
}
