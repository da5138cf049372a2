import Foundation
import Pipeline

/// One `post_process` entry (reference §1.11). `type: script` runs `<script> <run_dir> <args…>` (`python3`
/// for `.py`), the script resolved against the pipeline folder, then the run's config folder (fixing K19: never
/// the working directory), within `api.subprocess_timeout_seconds`; its stdout replaces `run_dir/<output>`
/// when `output` is set (and the script succeeded), else each line is logged; stderr lines are logged.
/// `type: gzip` is `GzipPostProcess`.
///
/// Invariants: every message goes to RUN_LOG.txt as `[POST-PROCESS] <name>: …`; nothing a script does can
/// fail the run: a failure is logged and returns false (only task cancellation throws).
struct PostProcessTask {
    static let tag = "POST-PROCESS"
    static let failureStderrLines = 5
    static let successStderrLines = 10

    let entry: PipelineConfig.PostProcess
    let context: CompletionContext

    var name: String { entry.name ?? "Unnamed" }

    /// Runs the entry; true when it succeeded.
    func run() async throws -> Bool {
        switch entry.kind {
        case .gzip:
            return GzipPostProcess(entry: entry, context: context).run()
        case .script:
            return try await runScript()
        }
    }

    private func runScript() async throws -> Bool {
        guard let script = entry.script, !script.isEmpty else {
            log("\(name): No script specified, skipping")
            return false
        }
        guard let command = ScriptCommand.locate(script, in: context.scriptFolders) else {
            log("\(name): " + ScriptCommand.notFound(script, in: context.scriptFolders))
            return false
        }
        log("Running: \(name)...")
        let timeout = Duration.seconds(max(1, context.plan.config.api.subprocessTimeoutSeconds))
        let result: ScriptProcess.Result
        do {
            result = try await command.process(arguments: [context.runDirectory] + entry.arguments, timeout: timeout).run()
        } catch let error as CancellationError {
            throw error
        } catch {
            log("\(name): Error: \(error.localizedDescription)")
            return false
        }
        guard result.succeeded else {
            log("\(name): Failed (\(result.endingDescription(timeout: timeout)))")
            for line in result.stderrLines.prefix(Self.failureStderrLines) { log("  \(line)") }
            return false
        }
        var succeeded = true
        if let output = entry.output {
            let path = context.inRun(output)
            do {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try AtomicFile.write([UInt8](result.stdout), to: path)
                log("\(name): Output written to \(PathDisplay.relative(path, to: context.runDirectory))")
            } catch {
                log("\(name): cannot write the output: \(error)")
                succeeded = false
            }
        } else {
            let lines = ScriptProcess.lines(String(decoding: result.stdout, as: UTF8.self))
            if !lines.isEmpty { log("\(name) output:") }
            for line in lines { log("  \(line)") }
        }
        for line in result.stderrLines.prefix(Self.successStderrLines) { log("\(name): \(line)") }
        return succeeded
    }

    private func log(_ message: String) { context.log(Self.tag, message) }
}
