import Basics
import Foundation
import Runtime
import Testing

@Suite struct JSONLAppenderTests {
    @Test func appendsPythonJSONLinesOnlyWhenFlushed() throws {
        let dir = try TemporaryDirectory()
        let appender = try JSONLAppender(path: dir.file("a.jsonl"))
        try appender.append(["unit_id": "u1", "x": 1.0, "name": "caf\u{e9}"])
        try appender.append(["unit_id": "u2", "list": [1, 2]])
        #expect(try dir.read("a.jsonl") == "")
        try appender.flush()
        #expect(try dir.read("a.jsonl") == "{\"unit_id\": \"u1\", \"x\": 1.0, \"name\": \"caf\\u00e9\"}\n{\"unit_id\": \"u2\", \"list\": [1, 2]}\n")
        try appender.append(line: "plain")
        try appender.sync()
        try appender.close()
        #expect(try dir.read("a.jsonl").hasSuffix("]}\nplain\n"))
        #expect(throws: RunStoreError.self) { try appender.append(line: "late"); try appender.flush() }
    }

    @Test func flushesByItselfWhenTheBufferFills() throws {
        let dir = try TemporaryDirectory()
        let appender = try JSONLAppender(path: dir.file("a.jsonl"), bufferCapacity: 64)
        for i in 0..<10 { try appender.append(["unit_id": .string("unit-\(i)"), "payload": "xxxxxxxxxxxxxxxxxxxxxxxxxxxx"]) }
        let onDisk = try dir.read("a.jsonl")
        #expect(onDisk.split(separator: "\n").count == 10)   // every line reached the file, none torn
    }

    @Test func opening_repairsATornLastLine() throws {
        let dir = try TemporaryDirectory()
        try dir.write("{\"unit_id\": \"u1\"}\n{\"unit_id\": \"u2\"}\n{\"unit_id\": \"u3\", \"par", to: "t.jsonl")
        let appender = try JSONLAppender(path: dir.file("t.jsonl"))
        #expect(appender.repairedBytes == 22)
        try appender.append(["unit_id": "u4"])
        try appender.close()
        #expect(try dir.read("t.jsonl") == "{\"unit_id\": \"u1\"}\n{\"unit_id\": \"u2\"}\n{\"unit_id\": \"u4\"}\n")
    }

    @Test func repairHandlesEdgeCases() throws {
        let dir = try TemporaryDirectory()
        try dir.write("no newline at all", to: "one.jsonl")
        #expect(try JSONLAppender.repairTornTail(path: dir.file("one.jsonl")) == 17)
        #expect(try dir.read("one.jsonl") == "")
        try dir.write("{}\n", to: "clean.jsonl")
        #expect(try JSONLAppender.repairTornTail(path: dir.file("clean.jsonl")) == 0)
        #expect(try JSONLAppender.repairTornTail(path: dir.file("missing.jsonl")) == 0)
        // A torn tail longer than the 64 KiB scan block.
        let long = "{\"a\": 1}\n" + String(repeating: "x", count: 200_000)
        try dir.write(long, to: "long.jsonl")
        #expect(try JSONLAppender.repairTornTail(path: dir.file("long.jsonl")) == 200_000)
        #expect(try dir.read("long.jsonl") == "{\"a\": 1}\n")
    }
}
