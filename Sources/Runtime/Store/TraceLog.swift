import Foundation
import Providers

/// TRACE_LOG.txt: request telemetry, `YYYY-MM-DDTHH:MM:SS.mmm <message>` (UTC, no zone letter), e.g.
/// `[API] mock chunk_000 u1 | 0.12s | 200`.
///
/// Invariants: as `RunLog` (complete redacted single lines, thread-safe, injected time), but lines are
/// buffered: they reach the file on `flush()`, `close()` or when the buffer fills, because the trace is
/// written per call and must stay cheap.
public final class TraceLog: @unchecked Sendable {
    private let mutex = NSLock()
    private let appender: JSONLAppender
    private let now: @Sendable () -> Date
    private let redactor: SecretRedactor

    public init(path: String, redactor: SecretRedactor = SecretRedactor(),
                now: @escaping @Sendable () -> Date = { Date() }) throws(RunStoreError) {
        appender = try JSONLAppender(path: path, bufferCapacity: 1 << 14)
        self.now = now
        self.redactor = redactor
    }

    public func trace(_ message: String) throws(RunStoreError) {
        let text = RunTimestamp.milliseconds(now()) + " " + redactor.redact(LogText.singleLine(message))
        mutex.lock()
        defer { mutex.unlock() }
        try appender.append(line: text)
    }

    /// `[API] <provider> <chunk> <unit> | 1.23s | <status>` (status: `200`, `RATE_LIMIT`, `TIMEOUT`,
    /// `API_ERROR`, …; the Python tool's realtime trace line). `chunk` is `retry` for retried calls.
    public static func apiLine(provider: String, chunk: String, unit: String, elapsed: Duration, status: String) -> String {
        let (seconds, atto) = elapsed.components
        let hundredths = Int((Double(seconds) * 100 + Double(atto) / 1e16).rounded())
        let fraction = String(hundredths % 100)
        let text = "\(hundredths / 100)." + (fraction.count < 2 ? "0" + fraction : fraction)
        return "[API] \(provider) \(chunk) \(unit) | \(text)s | \(status)"
    }

    public func flush() throws(RunStoreError) {
        mutex.lock()
        defer { mutex.unlock() }
        try appender.flush()
    }

    public func close() throws(RunStoreError) {
        mutex.lock()
        defer { mutex.unlock() }
        try appender.close()
    }
}
