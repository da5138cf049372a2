import Basics
import Foundation

/// Streams a JSONL file of unit-like records through `JSONLReader` → `Value` → `JSONWriter` (Python layout)
/// and reports input megabytes per second. Options: `--records N` (default 200,000), `--runs N` (default 3).
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
    let (seconds, cpuSeconds) = try BenchmarkClock.medians(runs: runs) {
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
    }
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
    print(String(format: "  parts: read + parse %.1f MB/s, write %.1f MB/s", megabytes / parseOnly, megabytes / writeOnly))
    let identical = outputBytes == file.count
    print(String(format: "json: %d records, %.1f MB, median %.3f s wall → %.1f MB/s; %.3f s CPU → %.1f MB per CPU-second (goal ≥ 100 MB/s on one core); output %@",
                 count, megabytes, seconds, megabytes / seconds, cpuSeconds, megabytes / cpuSeconds,
                 identical ? "same size as input" : "SIZE DIFFERS"))
}
