import Foundation
import Providers
import Runtime
import Testing

@Suite struct RunLogTests {
    @Test func runLogLinesAreTimestampedTaggedRedactedSingleLines() throws {
        let dir = try TemporaryDirectory()
        let log = try RunLog(path: dir.file("RUN_LOG.txt"), redactor: SecretRedactor(knownSecrets: ["hunter2-secret"]),
                             now: { Date(timeIntervalSince1970: 1_763_700_000) })
        try log.log("INIT", "Run created")
        try log.log("ERROR", "bad key sk-abcdefghijklmnopqrstuvwx and hunter2-secret\nsecond line")
        #expect(try dir.read("RUN_LOG.txt") == """
            [2025-11-21T04:40:00Z] [INIT] Run created
            [2025-11-21T04:40:00Z] [ERROR] bad key [REDACTED] and [REDACTED] second line

            """)
    }

    @Test func traceLogHasMillisecondsAndFlushesOnDemand() throws {
        let dir = try TemporaryDirectory()
        let trace = try TraceLog(path: dir.file("TRACE_LOG.txt"), now: { Date(timeIntervalSince1970: 1_763_700_000.1234) })
        try trace.trace("[API] mock chunk_000 u1 | 0.12s | 200")
        #expect(try dir.read("TRACE_LOG.txt") == "")
        try trace.flush()
        #expect(try dir.read("TRACE_LOG.txt") == "2025-11-21T04:40:00.123 [API] mock chunk_000 u1 | 0.12s | 200\n")
    }

    @Test func apiAndConsoleLines() {
        #expect(TraceLog.apiLine(provider: "mock", chunk: "chunk_000", unit: "u1", elapsed: .milliseconds(1234), status: "200")
            == "[API] mock chunk_000 u1 | 1.23s | 200")
        #expect(TraceLog.apiLine(provider: "openai", chunk: "retry", unit: "u2", elapsed: .milliseconds(50), status: "RATE_LIMIT")
            == "[API] openai retry u2 | 0.05s | RATE_LIMIT")
        #expect(RunLog.consoleLine(tag: "INIT", message: "ok", at: Date(timeIntervalSince1970: 3_600 * 5 + 61),
                                   utcOffsetSeconds: 3_600, redactor: SecretRedactor()) == "[06:01:01] [INIT] ok")
    }

    @Test func timestampsAreUTC() {
        #expect(RunTimestamp.seconds(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(RunTimestamp.milliseconds(Date(timeIntervalSince1970: 86_399.9995)) == "1970-01-01T23:59:59.999")
        #expect(RunTimestamp.parse("2025-11-21T04:40:00Z") == Date(timeIntervalSince1970: 1_763_700_000))
    }
}
