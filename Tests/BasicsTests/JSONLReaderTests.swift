import Basics
import Foundation
import Testing

@Suite struct JSONLReaderTests {
    @Test func streamsRecordsSkipsBlankLinesAndReportsBadLines() throws {
        let path = NSTemporaryDirectory() + "jsonl-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "{\"a\": 1}\n\n  \n[2]\r\n\"last\"".write(toFile: path, atomically: true, encoding: .utf8)
        var seen: [(Int, Value)] = []
        try JSONLReader.forEachRecord(path: path) { seen.append(($0, $1)) }
        #expect(seen.map(\.0) == [1, 4, 5])
        #expect(seen.map(\.1) == [["a": 1], [2], "last"])

        try "{\"a\": 1}\n{\"b\": }\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: JSONLError.self) { try JSONLReader.records(path: path) }
        do {
            _ = try JSONLReader.records(path: path)
        } catch let error as JSONLError {
            #expect(error.line == 2)
            #expect(error.error.column == 7)
        }
    }

    @Test func recordsThatShareKeysStayIndependent() throws {
        // The reader remembers keys and key sequences across lines; every record must still read exactly.
        let lines = [
            #"{"unit_id": "u1", "_repetition_seed": 1, "path": [1, 2]}"#,
            #"{"unit_id": "u2", "_repetition_seed": 2, "path": []}"#,
            #"{"_repetition_seed": 3, "unit_id": "u3", "path": [3]}"#,
            #"{"unit_id": "u4", "_repetition_seed": 4, "paths": [4]}"#,
            #"{"unit_id": "u5", "unit_id": "u6", "\u0070ath": [5]}"#,
            #"{"a_key_longer_than_sixteen_bytes": {"unit_id": "inner"}, "unit_id": "u7"}"#,
            #"{"unit_id": "u8", "_repetition_seed": 8, "path": [1, 2]}"#,
        ]
        let path = NSTemporaryDirectory() + "jsonl-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let expected: [Value] = [
            ["unit_id": "u1", "_repetition_seed": 1, "path": [1, 2]],
            ["unit_id": "u2", "_repetition_seed": 2, "path": []],
            ["_repetition_seed": 3, "unit_id": "u3", "path": [3]],
            ["unit_id": "u4", "_repetition_seed": 4, "paths": [4]],
            ["unit_id": "u6", "path": [5]],
            ["a_key_longer_than_sixteen_bytes": ["unit_id": "inner"], "unit_id": "u7"],
            ["unit_id": "u8", "_repetition_seed": 8, "path": [1, 2]],
        ]
        #expect(try JSONLReader.records(path: path) == expected)
        #expect(try lines.map { try JSONReader.parse($0) } == expected)
    }

    @Test func linesLongerThanTheReadBufferAreWhole() throws {
        let path = NSTemporaryDirectory() + "jsonl-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let long = String(repeating: "x", count: 10_000)
        try "\"\(long)\"\n\"b\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let reader = try LineReader(path: path, chunkSize: 64)
        var lengths: [Int] = []
        try reader.forEachLine { lengths.append($0.count) }
        #expect(lengths == [10_002, 3])
    }
}
