import Foundation
import Runtime

/// Shows a run's progress: on a terminal, one line per step rewritten in place (done/total, rate, ETA,
/// cost); otherwise a plain log line per step at most every few seconds, and at the end.
///
/// Invariant: writes only to stderr (stdout stays for data); `--quiet` uses `SilentRunObserver` instead.
final class ProgressObserver: RunObserver, @unchecked Sendable {
    private let sink: any TextSink
    private let live: Bool
    private let lock = NSLock()
    private var steps: [String: StepCounters] = [:]
    private var order: [String]
    private var lastPrint: [String: Date] = [:]
    private let start = Date()
    private var linesShown = 0

    init(sink: any TextSink, live: Bool, stepOrder: [String]) {
        self.sink = sink
        self.live = live
        self.order = stepOrder
    }

    func stepProgress(_ step: String, _ counters: StepCounters) {
        lock.lock()
        defer { lock.unlock() }
        steps[step] = counters
        if !order.contains(step) { order.append(step) }
        let now = Date()
        if live {
            guard now.timeIntervalSince(lastPrint["*"] ?? .distantPast) > 0.1 || counters.done == counters.total else { return }
            lastPrint["*"] = now
            redraw()
        } else {
            let finished = counters.total > 0 && counters.done == counters.total
            guard finished || now.timeIntervalSince(lastPrint[step] ?? .distantPast) > 5 else { return }
            if finished, lastPrint[step] == .distantFuture { return }
            lastPrint[step] = finished ? .distantFuture : now
            sink.line(Self.describe(step, counters, elapsed: now.timeIntervalSince(start)))
        }
    }

    func log(_ tag: String, _ message: String) {
        lock.lock()
        defer { lock.unlock() }
        if live { clear() }
        sink.line("[\(tag)] \(message)")
        if live { redraw() }
    }

    /// Leaves the last state on screen (call once at the end).
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if live { linesShown = 0 }
    }

    private func clear() {
        guard linesShown > 0 else { return }
        sink.write("\u{1B}[\(linesShown)A\u{1B}[J")
        linesShown = 0
    }

    private func redraw() {
        clear()
        let elapsed = Date().timeIntervalSince(start)
        var text = ""
        for step in order {
            guard let counters = steps[step] else { continue }
            text += Self.describe(step, counters, elapsed: elapsed) + "\n"
        }
        sink.write(text)
        linesShown = text.filter { $0 == "\n" }.count
    }

    static func describe(_ step: String, _ c: StepCounters, elapsed: Double) -> String {
        var line = "\(step): \(c.done)/\(c.total)"
        if c.failed > 0 { line += " (\(c.valid) valid, \(c.failed) failed)" }
        if c.retried > 0 { line += ", \(c.retried) retried" }
        if c.calls > 0, elapsed > 0 {
            line += String(format: ", %.0f calls/s", Double(c.calls) / elapsed)
            let rate = Double(c.done) / elapsed
            if rate > 0, c.total > c.done { line += String(format: ", ETA %.0fs", Double(c.total - c.done) / rate) }
        }
        if c.calls > 0 {
            line += c.costKnown ? String(format: ", $%.4f", c.costUSD) : ", cost unknown"
        }
        return line
    }
}
