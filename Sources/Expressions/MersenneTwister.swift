/// MT19937 exactly as CPython's `_randommodule.c`: `init_genrand`, `init_by_array`, `genrand_uint32`.
///
/// Invariants: `state` always holds 624 words; `0 ≤ index ≤ twisted ≤ 624`; words `0..<twisted` belong to
/// the current round of outputs and words `twisted...` still hold the previous round. The twist is done
/// lazily, a block at a time, in CPython's word order — each new word depends only on words already
/// twisted or not yet touched, so the outputs are the ones the eager twist gives, and a unit that draws
/// 50 words pays for about 64 instead of 624. The generator is a value type: copying it forks the stream.
public struct MersenneTwister: Sendable {
    static let n = 624
    static let m = 397
    private var state: [UInt32]
    private var index: Int
    private var twisted: Int

    /// `init_genrand(19650218)`, the fixed starting point of every `init_by_array`, computed once.
    private static let initialState: [UInt32] = {
        var state = [UInt32](repeating: 0, count: n)
        state[0] = 19_650_218
        for i in 1..<n {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(truncatingIfNeeded: i)
        }
        return state
    }()

    private init(seededState: [UInt32]) {
        state = seededState
        index = MersenneTwister.n
        twisted = MersenneTwister.n
    }

    /// Seeds from the 32-bit words of `key` (CPython `init_by_array`).
    public init(key: [UInt32]) {
        let n = MersenneTwister.n
        if key.count > n {
            var mt = MersenneTwister.initialState
            MersenneTwister.initByLongArray(&mt, key)
            self.init(seededState: mt)
            return
        }
        let words = key.isEmpty ? [0] : key
        let seeded = MersenneTwister.initialState.withUnsafeBufferPointer { initial in
            [UInt32](unsafeUninitializedCapacity: n) { state, count in
                // CPython's init_by_array with its `i`/`j` wrap-around unrolled into straight loops (key length
                // ≤ n, always true for int seeds). The previous word stays in a register: the chain is serial.
                state[0] = initial[0]
                var previous = initial[0]
                if words.count == 1 {
                    let k = words[0]
                    for i in 1..<n {
                        previous = (initial[i] ^ ((previous ^ (previous >> 30)) &* 1_664_525)) &+ k
                        state[i] = previous
                    }
                    state[0] = previous
                    previous = (state[1] ^ ((previous ^ (previous >> 30)) &* 1_664_525)) &+ k
                    state[1] = previous
                } else {
                    var j = 0
                    func mixFirst(_ current: UInt32) -> UInt32 {
                        let value = (current ^ ((previous ^ (previous >> 30)) &* 1_664_525)) &+ words[j]
                            &+ UInt32(truncatingIfNeeded: j)
                        previous = value
                        j += 1
                        if j >= words.count { j = 0 }
                        return value
                    }
                    // First loop: max(n, keyLength) = n steps over i = 1..<n, then i wraps to 1 for the last step.
                    for i in 1..<n { state[i] = mixFirst(initial[i]) }
                    state[0] = state[n - 1]
                    state[1] = mixFirst(state[1])
                }
                // Second loop: n - 1 steps from i = 2 to n - 1, then i wraps to 1 for the last step.
                for i in 2..<n {
                    previous = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_566_083_941)) &- UInt32(truncatingIfNeeded: i)
                    state[i] = previous
                }
                state[0] = previous
                state[1] = (state[1] ^ ((previous ^ (previous >> 30)) &* 1_566_083_941)) &- 1
                state[0] = 0x8000_0000
                count = n
            }
        }
        self.init(seededState: seeded)
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
        self.init(key: MersenneTwister.key(seed: seed))
    }

    /// The `init_by_array` key of an int seed.
    static func key(seed: Int) -> [UInt32] {
        let magnitude = seed.magnitude
        let high = UInt32(truncatingIfNeeded: magnitude >> 32)
        let low = UInt32(truncatingIfNeeded: magnitude)
        return high == 0 ? [low] : [low, high]
    }

    /// How many seeds `seededLanes` takes at once.
    static let laneCount = 8

    /// Seeds eight generators from eight seeds below 2³² at once. `init_by_array` is one serial chain of
    /// about 1,250 dependent multiplications per seed; running eight independent chains side by side (two
    /// vector registers) keeps the multiplier busy, so eight seeds cost about what two cost one by one.
    /// Lane by lane, the states are the ones `init(seed:)` makes.
    static func seededLanes(_ seeds: SIMD8<UInt32>) -> [MersenneTwister] {
        let n = MersenneTwister.n
        // Lane-interleaved states: word i of lane l at [i][l].
        let lanes = MersenneTwister.initialState.withUnsafeBufferPointer { initial in
            [SIMD8<UInt32>](unsafeUninitializedCapacity: n) { state, count in
                let multiplier1 = SIMD8<UInt32>(repeating: 1_664_525)
                let multiplier2 = SIMD8<UInt32>(repeating: 1_566_083_941)
                var previous = SIMD8<UInt32>(repeating: initial[0])
                for i in 1..<n {
                    previous = (SIMD8(repeating: initial[i]) ^ ((previous ^ (previous &>> 30)) &* multiplier1)) &+ seeds
                    state[i] = previous
                }
                previous = (state[1] ^ ((previous ^ (previous &>> 30)) &* multiplier1)) &+ seeds
                state[1] = previous
                for i in 2..<n {
                    previous = (state[i] ^ ((previous ^ (previous &>> 30)) &* multiplier2))
                        &- SIMD8(repeating: UInt32(truncatingIfNeeded: i))
                    state[i] = previous
                }
                state[1] = (state[1] ^ ((previous ^ (previous &>> 30)) &* multiplier2)) &- SIMD8(repeating: 1)
                state[0] = SIMD8(repeating: 0x8000_0000)
                count = n
            }
        }
        return lanes.withUnsafeBytes { raw in
            let words = raw.bindMemory(to: UInt32.self)
            return (0..<laneCount).map { lane in
                MersenneTwister(seededState: [UInt32](unsafeUninitializedCapacity: n) { out, count in
                    var i = 0, source = lane
                    while i < n {
                        out[i] = words[source]
                        i += 1
                        source += laneCount
                    }
                    count = n
                })
            }
        }
    }

    /// The next 32-bit output.
    @inline(__always) public mutating func nextUInt32() -> UInt32 {
        if index >= twisted { twistNextBlock() }
        var y = state.withUnsafeBufferPointer { $0[index] }
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// Twists the next block of words (starting a new round when the current one is used up).
    @inline(never) private mutating func twistNextBlock() {
        let n = MersenneTwister.n, m = MersenneTwister.m
        if index >= n {
            index = 0
            twisted = 0
        }
        let start = twisted
        let end = min(n, start + 32)
        state.withUnsafeMutableBufferPointer { mt in
            // genrand_uint32's three loops, restricted to start..<end.
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
            var kk = start
            let firstEnd = min(end, n - m)
            while kk + 8 <= firstEnd { twist8(kk, kk + m); kk += 8 }
            while kk < firstEnd { twist(kk, kk + 1, kk + m); kk += 1 }
            let secondEnd = min(end, n - 1)
            while kk + 8 <= secondEnd { twist8(kk, kk + m - n); kk += 8 }
            while kk < secondEnd { twist(kk, kk + 1, kk + m - n); kk += 1 }
            if kk == n - 1, end == n { twist(n - 1, 0, m - 1); kk += 1 }
        }
        twisted = end
    }
}
