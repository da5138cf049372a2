import Basics
import Foundation
import Runtime

/// `octobatch ps`: the runs under ./runs (or --dir), newest first.
struct PsCommand: Subcommand {
    static let name = "ps"
    static let abstract = "List runs with their status, progress and cost"
    static let positionals: [PositionalSpec] = []
    static let options: [OptionSpec] = [
        .value("--dir", "DIR", help: "Folder holding the runs (default ./runs)"),
        .flag("--json", help: "Print JSON"),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        let folder = context.absolutePath(arguments.value("--dir") ?? "runs")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { FileManager.default.fileExists(atPath: folder + "/" + $0 + "/MANIFEST.json") }
        var entries: [(name: String, summary: RunStatusSummary)] = []
        for name in names {
            guard let run = try? RunDirectory.open(folder + "/" + name, context: context),
                  let summary = try? RunStatusSummary.make(run) else { continue }
            entries.append((name, summary))
        }
        entries.sort { $0.summary.created > $1.summary.created || ($0.summary.created == $1.summary.created && $0.name > $1.name) }
        if arguments.flag("--json") {
            context.stdout.line(JSONWriter.python(.array(entries.map { entry in
                var object = entry.summary.value.objectValue ?? [:]
                object["run_dir"] = .string(folder + "/" + entry.name)
                return .object(object)
            })))
            return .success
        }
        if entries.isEmpty {
            context.stdout.line("No runs in \(PipelineDisplay.relative(folder, context))")
            return .success
        }
        var rows = [["RUN", "STATUS", "PIPELINE", "UNITS", "VALID", "FAILED", "COST", "CREATED"]]
        var total = 0.0
        for (name, s) in entries {
            let last = s.steps.last
            rows.append([name, s.status, s.pipeline, "\(s.units)", "\(last?.valid ?? 0)", "\(s.steps.reduce(0) { $0 + $1.failed })",
                         s.cost.map { String(format: "$%.2f", $0) } ?? "?", s.created])
            total += s.cost ?? 0
        }
        context.stdout.write(TextTable.render(rows))
        context.stdout.line("\(entries.count) run\(entries.count == 1 ? "" : "s") | total cost $\(String(format: "%.2f", total))")
        return .success
    }
}

/// Paths shown relative to the working directory.
enum PipelineDisplay {
    static func relative(_ path: String, _ context: CommandContext) -> String {
        let base = context.currentDirectory.hasSuffix("/") ? context.currentDirectory : context.currentDirectory + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
