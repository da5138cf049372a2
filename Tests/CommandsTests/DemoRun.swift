import Basics
import Commands
import Foundation
import TestSupport
import Testing

/// One in-process `octobatch run` of a demo pipeline into a fresh temporary run directory.
struct DemoRun {
    let code: ExitCode
    let stderr: String
    let directory: String

    static func pipeline(_ name: String) -> String {
        TestPaths.packageRoot.appendingPathComponent("pipelines/\(name)").path
    }

    static func start(_ name: String, _ extra: [String] = []) async throws -> DemoRun {
        let directory = NSTemporaryDirectory() + "octobatch-demo-\(name)-\(UUID().uuidString)"
        let run = await ToolRun.run(["run", pipeline(name), "--run-dir", directory, "--quiet"] + extra)
        return DemoRun(code: run.code, stderr: run.stderr, directory: directory)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    var chunkDirectories: [String] {
        let chunks = directory + "/chunks"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: chunks)) ?? []
        return names.filter { $0.hasPrefix("chunk_") }.sorted().map { chunks + "/" + $0 }
    }

    /// Every validated record of a step, in chunk order.
    func records(step: String) throws -> [Value] {
        try chunkDirectories.flatMap { try JSONLReader.records(path: $0 + "/\(step)_validated.jsonl") }
    }

    /// Each step validated every unit, and no step recorded a failure.
    func expectEveryUnitValid(steps: [String], units: Int,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(try JSONLReader.records(path: directory + "/input/units.jsonl").count == units,
                sourceLocation: sourceLocation)
        #expect(!chunkDirectories.isEmpty, sourceLocation: sourceLocation)
        for step in steps {
            let valid = try records(step: step)
            #expect(valid.count == units, "\(step)", sourceLocation: sourceLocation)
            #expect(Set(valid.compactMap { $0["unit_id"]?.stringValue }).count == units, "\(step)",
                    sourceLocation: sourceLocation)
            for chunk in chunkDirectories {
                let failures = chunk + "/\(step)_failures.jsonl"
                let text = (try? String(contentsOfFile: failures, encoding: .utf8)) ?? ""
                #expect(text.isEmpty, "\(failures): \(text.prefix(500))", sourceLocation: sourceLocation)
            }
        }
    }
}
