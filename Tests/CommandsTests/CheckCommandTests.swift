import Foundation
import Testing
import Commands

@Suite struct CheckCommandTests {
    /// A fresh temporary directory per test, removed by the caller's `defer`.
    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "octobatch-check-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, _ name: String, in directory: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let schema = #"{"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}}"#

    @Test func validInstanceExitsZero() async throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let schemaPath = try Self.write(Self.schema, "s.json", in: dir)
        let run = await ToolRun.run(["check", schemaPath, "-"], stdin: #"{"n": 1}"#)
        #expect(run.code == .success)
    }

    @Test func invalidInstancePrintsLocatedErrorsAndExitsOne() async throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let schemaPath = try Self.write(Self.schema, "s.json", in: dir)
        let instancePath = try Self.write("{\n \"n\": \"x\"}", "i.json", in: dir)
        let run = await ToolRun.run(["check", schemaPath, instancePath])
        #expect(run.code == .failure)
        #expect(run.stdout.contains("\(instancePath):2:2: error: $.n: 'x' is not of type 'integer'"))
    }

    @Test func jsonlWithJSONOutput() async throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let schemaPath = try Self.write(Self.schema, "s.json", in: dir)
        let run = await ToolRun.run(["check", schemaPath, "--jsonl", "--json"], stdin: "{\"n\": 1}\n{}\n")
        #expect(run.code == .failure)
        #expect(run.stdout == """
            {"valid": true, "errors": []}
            {"valid": false, "errors": [{"path": "$", "keyword": "required", "message": "'n' is a required property"}]}

            """)
    }

    @Test func invalidSchemaIsAUsageError() async throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let schemaPath = try Self.write(#"{"type": "integr"}"#, "bad.json", in: dir)
        let run = await ToolRun.run(["check", schemaPath, "-"], stdin: "1")
        #expect(run.code == .usage)
        #expect(run.stderr.contains("did you mean 'integer'?"))
    }
}
