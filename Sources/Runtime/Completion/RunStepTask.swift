import Foundation
import Pipeline

/// One `scope: run` step (reference §1.10): the built-in `UnitExtractor` for `extract_units.py` (or an
/// `output_dir` without a script), otherwise the script as a subprocess with
/// `--run-dir R --step-name N --config <run>/config/config.yaml`.
///
/// Invariants: every message goes to RUN_LOG.txt under `[RUN_STEP]`; the script runs at most 600 s; a
/// failure (missing script, non-zero exit, time limit, extraction errors) is logged and returns false,
/// never throwing, except for task cancellation.
struct RunStepTask {
    static let tag = "RUN_STEP"
    static let timeout = Duration.seconds(600)
    static let stderrLines = 10

    let step: StepConfig
    let context: CompletionContext

    /// Runs the step; true when it succeeded.
    func run() async throws -> Bool {
        if UnitExtractor.handles(step) { return extract() }
        guard let script = step.script else {
            log("Step '\(step.name)' has no script configured")
            return false
        }
        guard let command = ScriptCommand.locate(script, in: context.scriptFolders) else {
            log("Step '\(step.name)': " + ScriptCommand.notFound(script, in: context.scriptFolders))
            return false
        }
        log("Running step '\(step.name)': \(command.path)")
        let arguments = ["--run-dir", context.runDirectory, "--step-name", step.name, "--config", context.configSnapshot]
        let result: ScriptProcess.Result
        do {
            result = try await command.process(arguments: arguments, timeout: Self.timeout).run()
        } catch let error as CancellationError {
            throw error
        } catch {
            log("Error running step '\(step.name)': \(error.localizedDescription)")
            return false
        }
        for line in result.stderrLines.prefix(Self.stderrLines) { log("\(step.name): \(line)") }
        guard result.succeeded else {
            log("Failed step '\(step.name)' (\(result.endingDescription(timeout: Self.timeout)))")
            return false
        }
        log("Completed step '\(step.name)'")
        return true
    }

    /// The built-in extraction, logged.
    private func extract() -> Bool {
        log("Running step '\(step.name)': extract_units (built in)")
        do {
            let summary = try UnitExtractor(step: step, context: context).run()
            for error in summary.errors { log("\(step.name): \(error)") }
            let place = PathDisplay.relative(summary.outputDirectory, to: context.runDirectory)
            log("\(step.name): extracted \(summary.extracted) units to \(place)"
                + (summary.errorCount > 0 ? ", \(summary.errorCount) errors" : ""))
            guard summary.errorCount == 0 else {
                log("Failed step '\(step.name)' (\(summary.errorCount) records not extracted)")
                return false
            }
            log("Completed step '\(step.name)'")
            return true
        } catch {
            log("Failed step '\(step.name)': \(error)")
            return false
        }
    }

    private func log(_ message: String) { context.log(Self.tag, message) }
}
