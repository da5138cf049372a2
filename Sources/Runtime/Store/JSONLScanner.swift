import Basics
import Foundation

/// Reads the records of a run's JSONL files, tolerating what a crash can leave behind.
///
/// Invariants: a missing file has no records; a last line without `"\n"` that does not parse (a torn
/// write) is skipped; any other malformed line is a `RunStoreError.malformed` naming the file and line;
/// errors thrown by `body` propagate unchanged.
public enum JSONLScanner {
    public static func forEachRecord(path: String, _ body: (Value) throws -> Void) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            try JSONLReader.forEachRecord(path: path) { _, record in try body(record) }
        } catch let error as JSONLError {
            if !endsWithNewline(path), error.line == lineCount(path) { return }
            throw RunStoreError.malformed(path: path, reason: "line \(error.line): \(error.error.message)")
        } catch let error as FileError {
            throw RunStoreError.io(path: path, operation: "read", reason: error.description)
        }
    }

    /// `forEachRecord` with a body that cannot fail: only `RunStoreError`s escape.
    public static func scan(path: String, _ body: (Value) -> Void) throws(RunStoreError) {
        do {
            try forEachRecord(path: path, body)
        } catch let error as RunStoreError {
            throw error
        } catch {
            throw .io(path: path, operation: "read", reason: "\(error)")
        }
    }

    static func endsWithNewline(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size > 0 else { return true }
        try? handle.seek(toOffset: size - 1)
        return (try? handle.read(upToCount: 1)) == Data([0x0A])
    }

    /// Lines in the file, counting a last line without a newline.
    static func lineCount(_ path: String) -> Int {
        guard let reader = try? LineReader(path: path) else { return 0 }
        var count = 0
        try? reader.forEachLine { _ in count += 1 }
        return count
    }
}
