import Foundation
import Providers

/// RUN_LOG.txt: the operational log, one line per event, `[YYYY-MM-DDTHH:MM:SSZ] [TAG] message`.
///
/// Invariants: every line is complete and flushed when `log` returns (the Python tool flushes each line);
/// messages pass through `SecretRedactor` and newlines inside a message become spaces, so one event is
/// one line and no API key reaches the file; thread-safe; time is injected.
public final class RunLog: @unchecked Sendable {
    private let mutex = NSLock()
    private let appender: JSONLAppender
    private let now: @Sendable () -> Date
    private let redactor: SecretRedactor
    private let echo: (@Sendable (String) -> Void)?

    /// - Parameter echo: receives each line as written (e.g. to mirror it on stderr).
    public init(path: String, redactor: SecretRedactor = SecretRedactor(), now: @escaping @Sendable () -> Date = { Date() },
                echo: (@Sendable (String) -> Void)? = nil) throws(RunStoreError) {
        appender = try JSONLAppender(path: path, bufferCapacity: 1 << 16)
        self.now = now
        self.redactor = redactor
        self.echo = echo
    }

    /// The line `log` writes for `tag` and `message` at `date`.
    public static func line(tag: String, message: String, at date: Date, redactor: SecretRedactor) -> String {
        "[\(RunTimestamp.seconds(date))] [\(tag)] " + redactor.redact(LogText.singleLine(message))
    }

    /// The stderr echo of a line: `[HH:MM:SS] [TAG] message` (the Python tool uses local time; pass the
    /// offset of the local zone, or 0 for UTC).
    public static func consoleLine(tag: String, message: String, at date: Date, utcOffsetSeconds: Int = 0,
                                   redactor: SecretRedactor) -> String {
        let shifted = RunTimestamp.seconds(date.addingTimeInterval(TimeInterval(utcOffsetSeconds)))
        let clock = shifted.dropFirst(11).prefix(8)
        return "[\(clock)] [\(tag)] " + redactor.redact(LogText.singleLine(message))
    }

    public func log(_ tag: String, _ message: String) throws(RunStoreError) {
        let text = Self.line(tag: tag, message: message, at: now(), redactor: redactor)
        mutex.lock()
        defer { mutex.unlock() }
        try appender.append(line: text)
        try appender.flush()
        echo?(text)
    }

    public func close() throws(RunStoreError) {
        mutex.lock()
        defer { mutex.unlock() }
        try appender.close()
    }
}

/// Text helpers shared by the logs.
enum LogText {
    /// Newlines and carriage returns become spaces.
    static func singleLine(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
