import Foundation

/// Wall-clock timing for benchmarks: runs a body several times and reports the median.
enum BenchmarkClock {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// CPU seconds this process has used (excludes time the machine gave to others).
    static func cpuSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// The process's peak resident memory so far, in megabytes (`getrusage`; Linux reports kilobytes).
    static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Median wall seconds and median CPU seconds of `runs` runs.
    static func medians(runs: Int, _ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        var walls: [Double] = [], cpus: [Double] = []
        for _ in 0..<max(1, runs) {
            let cpuStart = cpuSeconds()
            walls.append(try seconds(body))
            cpus.append(cpuSeconds() - cpuStart)
        }
        walls.sort()
        cpus.sort()
        return (walls[walls.count / 2], cpus[cpus.count / 2])
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
