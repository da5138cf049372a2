import Basics
import Runtime

/// `octobatch verify RUN`: lost, duplicated and orphaned units per step.
struct VerifyCommand: Subcommand {
    static let name = "verify"
    static let abstract = "Check a run for missing, duplicated and orphaned units at every step"
    static let discussion = "Exit status 0 when the integrity is OK, 1 when units are missing or duplicated.\n"
    static let positionals = [PositionalSpec("RUN", help: "A run directory")]
    static let options: [OptionSpec] = [.flag("--json", help: "Print the report as JSON")]

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        let run = try RunDirectory.open(arguments.positionals[0], context: context)
        let report = try RunVerifier.verify(runDirectory: run.store.paths.root, stepOrder: run.stepOrder,
                                            dependencies: run.dependencies,
                                            fanOutSteps: run.fanOutSteps(context: context), maxRetries: run.maxRetries)
        if arguments.flag("--json") {
            context.stdout.line(JSONWriter.python(report.value))
        } else {
            var rows = [["STEP", "EXPECTED", "VALID", "FAILED", "RETRYABLE", "MISSING", "DUPLICATED", "ORPHANED"]]
            for s in report.steps {
                rows.append([s.step, "\(s.expected)", "\(s.valid)", "\(s.failed)", "\(s.retryable)", "\(s.missing)",
                             "\(s.duplicated)", "\(s.orphaned)"])
            }
            context.stdout.write("Run \(run.displayPath): \(report.initialUnits) units\n" + TextTable.render(rows))
            for s in report.steps where s.missing > 0 {
                context.stdout.line("  missing at \(s.step): " + s.missingIDs.prefix(10).joined(separator: ", ")
                                    + (s.missingIDs.count > 10 ? ", …" : ""))
            }
            context.stdout.line("Integrity: \(report.integrity)"
                                + (report.integrity == "OK" ? "" : " — 'octobatch repair \(run.displayPath)' fixes it"))
        }
        return report.integrity == "OK" ? .success : .failure
    }
}
