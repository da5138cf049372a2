import Foundation

/// Wall-clock timing for benchmarks: runs a body several times and reports the median.
enum BenchmarkClock {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, runs) { times.append(try seconds(body)) }
        times.sort()
        return times[times.count / 2]
    }

    /// The value of `--name N` in `arguments`, or `fallback`.
    static func option(_ name: String, in arguments: [String], default fallback: Int) -> Int {
        guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let n = Int(arguments[i + 1]) else {
            return fallback
        }
        return n
    }
}
