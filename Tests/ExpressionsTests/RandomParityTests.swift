import Basics
import Foundation
import Testing
import TestSupport
@testable import Expressions

@Suite struct RandomParityTests {
    static func vectors() throws -> [Value] {
        guard let url = TestPaths.shared("testdata/octobatch-golden/python_random_vectors.json") else { return [] }
        let text = try String(contentsOf: url, encoding: .utf8)
        return try #require(try JSONReader.parse(text).arrayValue)
    }

    @Test(.enabled(if: TestPaths.hasShared)) func matchesCPythonVectors() throws {
        let vectors = try Self.vectors()
        #expect(vectors.count == 8)
        for vector in vectors {
            let seed = try #require(vector["seed"]?.intValue)
            func ints(_ key: String) -> [Int] { vector[key]?.arrayValue?.compactMap(\.intValue) ?? [] }
            func doubles(_ key: String) -> [Double] { vector[key]?.arrayValue?.compactMap(\.numberValue) ?? [] }

            var r = PythonRandom(seed: seed)
            #expect((0..<8).map { _ in Int(r.nextUInt32()) } == ints("genrand_uint32_first8"), "seed \(seed)")
            r = PythonRandom(seed: seed)
            #expect((0..<5).map { _ in r.random() } == doubles("random_first5"), "seed \(seed)")
            r = PythonRandom(seed: seed)
            #expect(try (0..<10).map { _ in try r.randint(1, 6) } == ints("randint_1_6_x10"), "seed \(seed)")
            r = PythonRandom(seed: seed)
            #expect(try (0..<20).map { _ in [-1, 1][try r.choiceIndex(count: 2)] } == ints("choice_pm1_x20"), "seed \(seed)")
            r = PythonRandom(seed: seed)
            #expect(try r.sampleIndices(populationCount: 312, k: 14) == ints("sample_312_14"), "seed \(seed)")
            r = PythonRandom(seed: seed)
            #expect(try r.sampleIndices(populationCount: 52, k: 5) == ints("sample_52_5"), "seed \(seed)")
            r = PythonRandom(seed: seed)
            var deck = Array(0..<10)
            r.shuffle(&deck)
            #expect(deck == ints("shuffle_10"), "seed \(seed)")
            r = PythonRandom(seed: seed)
            #expect((0..<3).map { _ in r.uniform(0, 1) } == doubles("uniform_0_1_x3"), "seed \(seed)")
            r = PythonRandom(seed: seed)
            #expect((0..<4).map { _ in r.gauss() } == doubles("gauss_0_1_x4"), "seed \(seed)")
        }
    }

    @Test(.enabled(if: TestPaths.hasShared)) func languageRandomMatchesVectors() throws {
        for vector in try Self.vectors() {
            let seed = try #require(vector["seed"]?.intValue)
            let sample = try CompiledExpression("random.sample(list(range(312)), 14)")
                .evaluate(context: [:], random: PythonRandom(seed: seed))
            #expect(sample == vector["sample_312_14"])
            let walk = try CompiledExpression("[random.choice([-1, 1]) for _ in range(20)]")
                .evaluate(context: [:], random: PythonRandom(seed: seed))
            #expect(walk == vector["choice_pm1_x20"])
        }
    }
}

@Suite struct MersenneTwisterKeyTests {
    /// CPython: random.Random(2**64 + 5), random.Random(10**30) (multi-word keys) — first outputs.
    @Test func multiWordKeysMatchCPython() {
        var a = MersenneTwister(key: [5, 0, 1])
        var b = MersenneTwister(key: [1073741824, 1182068202, 2670501072, 12])
        #expect((0..<3).map { _ in a.nextUInt32() } == Self.expectedA)
        #expect((0..<3).map { _ in b.nextUInt32() } == Self.expectedB)
        var long = MersenneTwister(key: Array(0..<700).map { UInt32($0) })
        #expect(long.nextUInt32() == Self.expectedLong)
    }

    static let expectedA: [UInt32] = [2192917427, 3085273184, 3778534651]
    static let expectedB: [UInt32] = [4012147334, 2100903950, 2256175901]
    static let expectedLong: UInt32 = 3727595200
}

@Suite struct MersenneTwisterStreamTests {
    /// CPython: `r = random.Random(s); w = [r.getrandbits(32) for _ in range(1500)]` — words on both sides of
    /// each twist boundary (623/624, 1247/1248) and a checksum of all 1,500 (sum mod 2⁶¹ − 1).
    static let expected: [(seed: Int, picks: [UInt32], checksum: UInt64)] = [
        (0, [3626764237, 2390040247, 2229104038, 2140787315, 577331751, 2465233080, 1652152644], 3179900349702),
        (42, [2746317213, 2929454134, 1071722055, 4214005797, 3190649866, 2301518177, 1084044802], 3212841650984),
        (4294967303, [968553300, 2958273860, 573543845, 1880933259, 3289642529, 281508361, 2889654548], 3192518475723),
        (1148893718, [1945835163, 1143938288, 690868995, 527564577, 733923765, 1428814556, 565314520], 3209143253345),
    ]
    static let pickedIndices = [0, 623, 624, 700, 1247, 1248, 1499]

    static func check(_ words: [UInt32], _ picks: [UInt32], _ checksum: UInt64) {
        #expect(pickedIndices.map { words[$0] } == picks)
        #expect(words.reduce(UInt64(0)) { ($0 + UInt64($1)) % (1 << 61 - 1) } == checksum)
    }

    @Test func longStreamsMatchCPython() {
        for (seed, picks, checksum) in Self.expected {
            var twister = MersenneTwister(seed: seed)
            Self.check((0..<1500).map { _ in twister.nextUInt32() }, picks, checksum)
        }
    }

    @Test func eightSeedsAtOnceGiveTheSameStreams() {
        let seeds = Self.expected.map(\.seed).filter { $0 < 1 << 32 }
        let lanes = SIMD8<UInt32>(seeds.map { UInt32($0) } + [7, 8, 9, 10, 11])
        var twisters = MersenneTwister.seededLanes(lanes)
        for (lane, seed) in seeds.enumerated() {
            guard let entry = Self.expected.first(where: { $0.seed == seed }) else { continue }
            Self.check((0..<1500).map { _ in twisters[lane].nextUInt32() }, entry.picks, entry.checksum)
        }
        for lane in 3..<8 {
            var single = MersenneTwister(seed: lane + 4)
            #expect((0..<700).map { _ in twisters[lane].nextUInt32() } == (0..<700).map { _ in single.nextUInt32() })
        }
    }
}
