import Basics
import Foundation
import Runtime
import Testing

/// A `gzip` post-process leaves `<file>.jsonl.gz` in place of the JSONL files the scheduler, verify and
/// resume read (the Blackjack demo compresses `chunks/*/*_validated.jsonl`).
@Suite struct GzipFallbackTests {
    static let lines = "{\"unit_id\": \"u1\"}\n{\"unit_id\": \"u2\"}\n"

    @Test func theScannerReadsTheGzWhenThePlainFileIsGone() throws {
        let dir = try TemporaryDirectory()
        try dir.write(Self.lines, to: "a_validated.jsonl")
        try GzipFile.compress(dir.file("a_validated.jsonl"), to: dir.file("a_validated.jsonl.gz"))
        try FileManager.default.removeItem(atPath: dir.file("a_validated.jsonl"))
        var ids: [String] = []
        try JSONLScanner.forEachRecord(path: dir.file("a_validated.jsonl")) { ids.append($0["unit_id"]?.stringValue ?? "") }
        #expect(ids == ["u1", "u2"])
        let outcomes = try StepOutcomes.load(validated: dir.file("a_validated.jsonl"), failures: dir.file("a_failures.jsonl"))
        #expect(outcomes.validIDs == ["u1", "u2"])
    }

    @Test func thePlainFileWinsWhenBothExist() throws {
        let dir = try TemporaryDirectory()
        try dir.write(Self.lines, to: "a.jsonl")
        try GzipFile.compress(dir.file("a.jsonl"), to: dir.file("a.jsonl.gz"))
        try dir.write(Self.lines + "{\"unit_id\": \"u3\"}\n", to: "a.jsonl")
        var count = 0
        try JSONLScanner.forEachRecord(path: dir.file("a.jsonl")) { _ in count += 1 }
        #expect(count == 3)
    }

    @Test func aCorruptGzIsAnErrorNamingIt() throws {
        let dir = try TemporaryDirectory()
        try dir.write("not gzip", to: "a.jsonl.gz")
        #expect {
            try JSONLScanner.forEachRecord(path: dir.file("a.jsonl")) { _ in }
        } throws: { error in
            guard case .io(let path, _, _)? = error as? RunStoreError else { return false }
            return path == dir.file("a.jsonl.gz")
        }
    }

    @Test func compressionIsDeterministicAndRoundTrips() throws {
        let dir = try TemporaryDirectory()
        try dir.write(Self.lines, to: "a.jsonl")
        try GzipFile.compress(dir.file("a.jsonl"), to: dir.file("1.gz"))
        try GzipFile.compress(dir.file("a.jsonl"), to: dir.file("2.gz"))
        #expect(FileManager.default.contents(atPath: dir.file("1.gz")) == FileManager.default.contents(atPath: dir.file("2.gz")))
        try GzipFile.decompress(dir.file("1.gz"), to: dir.file("b.jsonl"))
        #expect(try dir.read("b.jsonl") == Self.lines)
        #expect(throws: RunStoreError.self) { try GzipFile.compress(dir.file("missing"), to: dir.file("3.gz")) }
        #expect(!FileManager.default.fileExists(atPath: dir.file("3.gz")))
        #expect(!FileManager.default.fileExists(atPath: dir.file("3.gz.gztmp")))
    }

    @Test func anAppenderRestoresTheGzBeforeAppending() throws {
        let dir = try TemporaryDirectory()
        try dir.write(Self.lines, to: "a.jsonl")
        try GzipFile.compress(dir.file("a.jsonl"), to: dir.file("a.jsonl.gz"))
        try FileManager.default.removeItem(atPath: dir.file("a.jsonl"))
        let appender = try JSONLAppender(path: dir.file("a.jsonl"))
        try appender.append(["unit_id": "u3"])
        try appender.close()
        #expect(try dir.read("a.jsonl") == Self.lines + "{\"unit_id\": \"u3\"}\n")
        #expect(!FileManager.default.fileExists(atPath: dir.file("a.jsonl.gz")))
    }
}
