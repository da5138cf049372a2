/// Streams the records of a JSON Lines file in bounded memory.
///
/// Blank lines (only whitespace) are skipped, as the Python tool skips them. A line that is not valid JSON is
/// reported with the file, its line number and the column inside the line.
public enum JSONLReader {
    /// Calls `body` with each record and its 1-based line number.
    public static func forEachRecord(path: String, _ body: (Int, Value) throws -> Void) throws {
        let reader = try LineReader(path: path)
        // One parser for the whole file: its working memory is allocated once, not once per line.
        var parser = JSONParser(cachesKeys: true)
        try reader.forEachLine { line in
            if isBlank(line) { return }
            do {
                try body(reader.lineNumber, try parser.parseDocument(line))
            } catch let error as JSONError {
                throw JSONLError(path: path, line: reader.lineNumber, error: error)
            }
        }
    }

    /// Every record of the file (for small files; use `forEachRecord` to stream).
    public static func records(path: String) throws -> [Value] {
        var result: [Value] = []
        try forEachRecord(path: path) { _, value in result.append(value) }
        return result
    }

    static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in line where !(byte == 0x20 || byte == 0x09 || byte == 0x0D) { return false }
        return true
    }
}

/// A malformed line in a JSONL file.
public struct JSONLError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var error: JSONError

    public var description: String { "\(path):\(line):\(error.column): \(error.message)" }
}
