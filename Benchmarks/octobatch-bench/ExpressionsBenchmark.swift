import Basics
import Expressions
import Foundation

/// `octobatch-bench expressions [N]`: runs N Drunken Sailor walks (start position 5, the `random_walk`
/// step of the demo pipeline) through `ExpressionStep.run(units:)` and prints walks/s and the fall-in fraction.
/// Units are made and results counted a block at a time, so memory does not grow with N.
func expressionsBenchmark(arguments: [String]) throws {
    let walks = arguments.first.flatMap { Int($0) } ?? 1_000_000
    let step = try ExpressionStep(
        stepName: "random_walk",
        initExpressions: [("position", "start_position"), ("path", "[start_position]"), ("steps_taken", "0")],
        expressions: [("direction", "random.choice([-1, 1])"), ("position", "position + direction"),
                      ("path", "path + [position]"), ("steps_taken", "steps_taken + 1")],
        loopUntil: "position <= 0 or position >= 10", maxIterations: 1000)
    let baseSeed = SHA256.octobatchSeed("start_at_5")
    var fell = 0, totalSteps = 0, timeouts = 0
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = BenchmarkClock.cpuSeconds()
    // Units go through `run(units:)` in blocks, as the runner feeds a chunk's pending units; only one block is
    // alive at a time.
    let block = 256
    let keys = ["unit_id", "start_position", "_repetition_id", "_repetition_seed"]
    var units: [ValueObject] = []
    units.reserveCapacity(block)
    var first = 0
    while first < walks {
        units.removeAll(keepingCapacity: true)
        for i in first..<min(first + block, walks) {
            // Built as the JSONL reader builds records: keys and values as arrays.
            units.append(ValueObject(uniqueKeys: keys, values: [
                .string("start_at_5__rep\(i)"), 5, .int(i), .int(baseSeed + i),
            ]))
        }
        for result in step.run(units: units) {
            let output = try result.get()
            if output["position"] == .int(0) { fell += 1 }
            if case .int(let n)? = output["steps_taken"] { totalSteps += n }
            if output["_metadata"]?["timeout"] == .bool(true) { timeouts += 1 }
        }
        first += block
    }
    let elapsed = clock.now - start
    let cpu = BenchmarkClock.cpuSeconds() - cpuStart
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let fraction = Double(fell) / Double(max(1, walks))
    print("expressions: \(walks) Drunken Sailor walks in \(String(format: "%.2f", seconds)) s (\(String(format: "%.2f", cpu)) s CPU; goal < 10 s for 1,000,000)")
    print("  walks/s: \(String(format: "%.0f", Double(walks) / seconds))")
    print("  fell in: \(fell) (\(String(format: "%.4f", fraction))), mean steps \(String(format: "%.2f", Double(totalSteps) / Double(max(1, walks)))), timeouts \(timeouts)")
    print("  peak memory: \(String(format: "%.1f", BenchmarkClock.peakResidentMegabytes())) MB")
    print("  ns per expression evaluation (approx.): \(String(format: "%.1f", seconds * 1e9 / Double(max(1, totalSteps * 5 + walks * 3))))")
}
