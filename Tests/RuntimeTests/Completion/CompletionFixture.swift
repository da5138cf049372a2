import Basics
import Foundation
import Runtime

/// The scheduler fixture's pipeline (10 units: `prepare` then `ask`) with run-scoped steps and
/// `post_process` entries added to its config, and helpers to inspect the run afterwards.
struct CompletionFixture {
    let base: SchedulerFixture

    /// - Parameters:
    ///   - runSteps: YAML list items for `pipeline.steps` (indented by 4 spaces, starting with `- name:`).
    ///   - postProcess: YAML list items for `post_process` (indented by 2 spaces).
    ///   - scripts: files to write into the pipeline folder (relative path → text), made executable.
    init(items: Int = 10, runSteps: String = "", postProcess: String = "", scripts: [String: String] = [:]) throws {
        base = try SchedulerFixture(items: items)
        var config = SchedulerFixture.baseConfig
        config = config.replacingOccurrences(of: "api:\n  provider: mock", with: runSteps + "api:\n  provider: mock")
        if !postProcess.isEmpty { config += "post_process:\n" + postProcess }
        try config.write(to: base.root.appendingPathComponent("pipe/config.yaml"), atomically: true, encoding: .utf8)
        for (path, text) in scripts {
            let url = base.root.appendingPathComponent("pipe/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
    }

    func remove() { base.remove() }

    var runDirectory: String { base.runDirectory }

    func run() async throws -> RunOutcome { try await base.run() }

    func file(_ relative: String) -> String { runDirectory + "/" + relative }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: file(relative)) }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: file(relative), encoding: .utf8) }

    /// The `[tag]` lines of RUN_LOG.txt, without their time stamps.
    func logLines(_ tag: String) throws -> [String] {
        try read("RUN_LOG.txt").split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "] [\(tag)] ") else { return nil }
            return String(line[range.upperBound...])
        }
    }

    func manifest() throws -> ManifestSnapshot { try RunStore.open(at: runDirectory).readManifest() }

    /// Marks `step` of `chunk` pending again, as a retry or repair does: the next run has new work.
    func reopen(_ step: String, in chunk: String = "chunk_000") throws {
        let store = try RunStore.open(at: runDirectory)
        var state = try store.readState(chunk)
        var progress = state[step]
        progress.status = .pending
        state[step] = progress
        try store.writeState(state)
    }

    /// The text of a gzip file in the run directory.
    func gunzip(_ relative: String) throws -> String {
        let plain = try GzipFile.decompressToTemporaryFile(file(relative))
        defer { try? FileManager.default.removeItem(atPath: plain) }
        return try String(contentsOfFile: plain, encoding: .utf8)
    }
}
