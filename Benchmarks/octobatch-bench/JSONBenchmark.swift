import Basics
import Foundation

/// Streams a JSONL file of unit-like records through `JSONLReader` → `Value` → `JSONWriter` (Python layout)
/// and reports input megabytes per second: the median of the runs (wall and CPU), each run, and the read-only
/// and write-only parts; checks that the written records are the input byte for byte.
/// Options: `--records N` (default 200,000), `--runs N` (default 3).
func jsonBenchmark(arguments: [String]) throws {
    let count = BenchmarkClock.option("--records", in: arguments, default: 200_000)
    let runs = BenchmarkClock.option("--runs", in: arguments, default: 3)
    let path = NSTemporaryDirectory() + "octobatch-bench-\(getpid()).jsonl"
    defer { try? FileManager.default.removeItem(atPath: path) }

    var file: [UInt8] = []
    for i in 0..<count {
        var path: [Value] = [5]
        for step in 0..<(i % 40) { path.append(.int(5 + (step % 3) - 1)) }
        let record: Value = [
            "unit_id": .string("start_at_5__rep\(String(format: "%04d", i))"), "id": "start_at_5",
            "scenario_name": "Start at Position 5 — “quoted”", "start_position": 5, "_repetition_id": .int(i),
            "_repetition_seed": .int(1_148_893_718 + i), "position": 10, "path": .array(path),
            "steps_taken": .int(path.count - 1), "direction": 1, "ratio": .double(Double(i) / 7.0),
            "_metadata": ["expression_step": "random_walk", "iterations": .int(path.count - 1), "timeout": false],
        ]
        JSONWriter().write(record, into: &file)
        file.append(0x0A)
    }
    try Data(file).write(to: URL(fileURLWithPath: path))
    let megabytes = Double(file.count) / 1_000_000

    var outputBytes = 0
    // Each run timed on its own (the headline is the median, as BenchmarkClock.medians computes it), so the
    // spread between runs — large on a shared VM — is visible too.
    var walls: [Double] = [], cpus: [Double] = []
    for _ in 0..<max(1, runs) {
        let cpuStart = BenchmarkClock.cpuSeconds()
        walls.append(try BenchmarkClock.seconds {
            var out: [UInt8] = []
            out.reserveCapacity(file.count)
            outputBytes = 0
            let writer = JSONWriter()
            try JSONLReader.forEachRecord(path: path) { _, value in
                writer.write(value, into: &out)
                out.append(0x0A)
                if out.count > 1 << 20 {
                    outputBytes += out.count
                    out.removeAll(keepingCapacity: true)
                }
            }
            outputBytes += out.count
        })
        cpus.append(BenchmarkClock.cpuSeconds() - cpuStart)
    }
    let seconds = walls.sorted()[walls.count / 2], cpuSeconds = cpus.sorted()[cpus.count / 2]
    var values: [Value] = []
    let parseOnly = try BenchmarkClock.median(runs: runs) {
        values.removeAll(keepingCapacity: true)
        try JSONLReader.forEachRecord(path: path) { _, value in values.append(value) }
    }
    let writeOnly = BenchmarkClock.median(runs: runs) {
        var out: [UInt8] = []
        out.reserveCapacity(file.count)
        let writer = JSONWriter()
        for value in values {
            writer.write(value, into: &out)
            out.append(0x0A)
        }
    }
    // Untimed: the records written back must be the input, byte for byte (it was written by the same writer).
    var written: [UInt8] = []
    written.reserveCapacity(file.count)
    for value in values {
        JSONWriter().write(value, into: &written)
        written.append(0x0A)
    }
    let identical = outputBytes == file.count && written == file
    print(String(format: "  parts: read + parse %.1f MB/s, write %.1f MB/s", megabytes / parseOnly, megabytes / writeOnly))
    print("  runs: " + zip(walls, cpus).map { String(format: "%.1f MB/s (%.1f per CPU-s)", megabytes / $0, megabytes / $1) }
        .joined(separator: ", "))
    print(String(format: "json: %d records, %.1f MB, median %.3f s wall → %.1f MB/s; %.3f s CPU → %.1f MB per CPU-second (goal ≥ 100 MB/s on one core); output %@",
                 count, megabytes, seconds, megabytes / seconds, cpuSeconds, megabytes / cpuSeconds,
                 identical ? "identical to input" : "DIFFERS FROM INPUT"))
}
