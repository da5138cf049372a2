import Basics
import Expressions
import Foundation
import Pipeline

/// The Python tool's `extract_units.py`, built in (reference §1.10): one JSON file per validated record of
/// the last chunk step, from every chunk, into `output_dir`.
///
/// Invariants: the output folder (default `outputs/units`, relative to the run) is emptied first, so a
/// second extraction gives the same files; it may be neither the run directory nor a folder holding it;
/// a file is named by `filename_expression` (default `data['unit_id']`, `/` and `\` replaced by `_`) and
/// holds `content_expression` (default `data`) as `json.dumps(indent=2)` writes it, with `data` = the
/// record; `compression: gzip` gives `.json.gz` files (through `GzipFile`); a record whose expressions
/// fail or give an empty name is counted as an error and skipped, never stopping the others.
struct UnitExtractor {
    /// What an extraction did.
    struct Summary: Equatable {
        var extracted = 0
        var errorCount = 0
        /// The first few error messages.
        var errors: [String] = []
        var outputDirectory = ""
    }

    /// A configuration the extraction refuses.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    static let defaultOutputDirectory = "outputs/units"
    static let defaultFilename = "data['unit_id']"
    static let defaultContent = "data"
    static let reportedErrors = 10

    let step: StepConfig
    let context: CompletionContext

    /// True for the steps this type runs: a `script` ending in `extract_units.py`, or no script and an `output_dir`.
    static func handles(_ step: StepConfig) -> Bool {
        guard let script = step.script else { return step.runOptions["output_dir"] != nil }
        let name = script.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? script
        return name == "extract_units.py"
    }

    func run() throws -> Summary {
        let options = step.runOptions
        let output = context.inRun(options["output_dir"] ?? Self.defaultOutputDirectory)
        let run = context.runDirectory
        guard output != run, !run.hasPrefix(output.hasSuffix("/") ? output : output + "/") else {
            throw Refusal(description: "output_dir '\(output)' is the run directory or holds it; refusing to empty it")
        }
        let filename = try CompiledExpression(options["filename_expression"] ?? Self.defaultFilename)
        let content = try CompiledExpression(options["content_expression"] ?? Self.defaultContent)
        let files = FileManager.default
        if files.fileExists(atPath: output) { try files.removeItem(atPath: output) }
        try files.createDirectory(atPath: output, withIntermediateDirectories: true)

        var summary = Summary(outputDirectory: output)
        var written = Set<String>()
        guard let lastStep = context.plan.graph.order.last else { return summary }
        for chunk in try context.store.chunkNames() {
            try JSONLScanner.forEachRecord(path: context.store.chunk(chunk).validated(lastStep)) { record in
                do {
                    let path = try write(record, filename: filename, content: content, into: output)
                    written.insert(path)
                    summary.extracted += 1
                } catch {
                    summary.errorCount += 1
                    if summary.errors.count < Self.reportedErrors {
                        summary.errors.append("\(StepOutcomes.unitID(of: record) ?? "record"): \(error)")
                    }
                }
            }
        }
        if options["compression"] == "gzip", !written.isEmpty {
            try GzipFile.compressInPlace(written.sorted())
        }
        return summary
    }

    /// Writes one record's file (before compression) and returns its path.
    private func write(_ record: Value, filename: CompiledExpression, content: CompiledExpression,
                       into folder: String) throws -> String {
        let scope: ValueObject = ["data": record]
        let name = try filename.evaluate(context: scope)
        guard PythonRuntime.truthy(name) else { throw Refusal(description: "empty filename") }
        let safe = name.pythonStr.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "\\", with: "_")
        let text = JSONWriter(layout: .indented(2)).string(try content.evaluate(context: scope))
        let path = folder + "/" + safe + ".json"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw Refusal(description: "cannot write '\(path)'")
        }
        return path
    }
}
