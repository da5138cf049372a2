import Foundation

/// CPython's `random.Random(seed)` (3.11 algorithms from `random.py`) over `MersenneTwister`.
///
/// Invariants: every method consumes exactly the 32-bit words CPython would, so streams stay in step;
/// `gaussNext` caches the second Box–Muller value as CPython does. A class because one generator is shared
/// by every expression of a unit (init, each loop iteration and the loop check).
public final class PythonRandom {
    /// The generator state behind a pointer owned by this object (no dynamic exclusivity checks per draw).
    private let engine: UnsafeMutablePointer<MersenneTwister>
    private var gaussNext: Double?

    public convenience init(seed: Int) {
        self.init(engine: MersenneTwister(seed: seed))
    }

    /// A generator over an already seeded twister (`MersenneTwister.seededLanes`).
    init(engine twister: MersenneTwister) {
        engine = UnsafeMutablePointer<MersenneTwister>.allocate(capacity: 1)
        engine.initialize(to: twister)
    }

    deinit {
        engine.deinitialize(count: 1)
        engine.deallocate()
    }

    @inline(__always) public func nextUInt32() -> UInt32 { engine.pointee.nextUInt32() }

    /// `random()`: 53-bit float in [0, 1).
    public func random() -> Double {
        let a = Double(nextUInt32() >> 5), b = Double(nextUInt32() >> 6)
        return (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for 0 ≤ k ≤ 63 (words filled least significant first).
    public func getrandbits(_ k: Int) throws(ExpressionError) -> Int {
        if k < 0 { throw .value("number of bits must be non-negative") }
        if k == 0 { return 0 }
        if k > 63 { throw .overflow("getrandbits(\(k)) does not fit in a 64-bit integer") }
        if k <= 32 { return Int(nextUInt32() >> (32 - UInt32(k))) }
        var result: UInt64 = 0
        var remaining = k, shift: UInt64 = 0
        while remaining > 0 {
            var r = UInt64(nextUInt32())
            if remaining < 32 { r >>= UInt64(32 - remaining) }
            result |= r << shift
            shift += 32
            remaining -= 32
        }
        return Int(result)
    }

    /// `_randbelow(n)` (rejection sampling with `n.bit_length()` bits); 0 for n ≤ 0.
    public func randbelow(_ n: Int) -> Int {
        if n <= 0 { return 0 }
        let k = Int.bitWidth - n.leadingZeroBitCount
        if k <= 32 {
            let shift = UInt32(32 - k)
            var r = Int(nextUInt32() >> shift)
            while r >= n { r = Int(nextUInt32() >> shift) }
            return r
        }
        var r = (try? getrandbits(k)) ?? 0
        while r >= n { r = (try? getrandbits(k)) ?? 0 }
        return r
    }

    /// `randrange(start, stop, step)` (`stop` nil: `randrange(start)`).
    public func randrange(_ start: Int, _ stop: Int? = nil, step: Int = 1) throws(ExpressionError) -> Int {
        guard let stop else {
            if step != 1 { throw .type("Missing a non-None stop argument") }
            if start > 0 { return randbelow(start) }
            throw .value("empty range for randrange()")
        }
        let (width, o1) = stop.subtractingReportingOverflow(start)
        if o1 { throw .overflow() }
        if step == 1 {
            if width > 0 { return start + randbelow(width) }
            throw .value("empty range for randrange() (\(start), \(stop), \(width))")
        }
        let n: Int
        if step > 0 {
            n = PythonRuntime.floorDivide(width + step - 1, step)
        } else if step < 0 {
            n = PythonRuntime.floorDivide(width + step + 1, step)
        } else {
            throw .value("zero step for randrange()")
        }
        if n <= 0 { throw .value("empty range for randrange()") }
        return start + step * randbelow(n)
    }

    /// `randint(a, b)`.
    public func randint(_ a: Int, _ b: Int) throws(ExpressionError) -> Int {
        let (stop, overflow) = b.addingReportingOverflow(1)
        if overflow { throw .overflow() }
        return try randrange(a, stop)
    }

    /// The index `choice(seq)` picks for a sequence of `count` elements.
    public func choiceIndex(count: Int) throws(ExpressionError) -> Int {
        if count == 0 { throw ExpressionError(.index, "Cannot choose from an empty sequence") }
        return randbelow(count)
    }

    /// `shuffle(x)` in place.
    public func shuffle<T>(_ items: inout [T]) {
        var i = items.count - 1
        while i >= 1 {
            let j = randbelow(i + 1)
            items.swapAt(i, j)
            i -= 1
        }
    }

    /// The indices `sample(population, k)` selects, in order (pool or set-rejection per CPython's `setsize`).
    public func sampleIndices(populationCount n: Int, k: Int) throws(ExpressionError) -> [Int] {
        if k < 0 || k > n { throw .value("Sample larger than population or is negative") }
        var setsize = 21
        if k > 5 {
            let exponent = Int((log(Double(k * 3)) / log(4.0)).rounded(.up))
            setsize += 1 << (2 * exponent)
        }
        var result: [Int] = []
        result.reserveCapacity(k)
        if n <= setsize {
            var pool = Array(0..<n)
            for i in 0..<k {
                let j = randbelow(n - i)
                result.append(pool[j])
                pool[j] = pool[n - i - 1]
            }
        } else {
            var selected = Set<Int>()
            for _ in 0..<k {
                var j = randbelow(n)
                while selected.contains(j) { j = randbelow(n) }
                selected.insert(j)
                result.append(j)
            }
        }
        return result
    }

    /// `uniform(a, b)`.
    public func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * random() }

    /// `gauss(mu, sigma)` with the cached second value.
    public func gauss(mu: Double = 0, sigma: Double = 1) -> Double {
        var z: Double
        if let cached = gaussNext {
            z = cached
            gaussNext = nil
        } else {
            let x2pi = random() * (2.0 * Double.pi)
            let g2rad = (-2.0 * log(1.0 - random())).squareRoot()
            z = cos(x2pi) * g2rad
            gaussNext = sin(x2pi) * g2rad
        }
        return mu + z * sigma
    }
}
