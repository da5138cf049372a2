import Foundation
import Pipeline

/// A `type: gzip` post-process: every file matching the `files` globs (relative to the run directory)
/// becomes `<file>.gz`.
///
/// Invariants: `.gz` files and folders are skipped; a `.gz` is complete or absent (`GzipFile`); the original is
/// removed only after its `.gz` is in place, and kept with `keep_originals: true`; errors are logged per file
/// (unlike the Python tool, which prints them to stdout only) and make the entry fail, without stopping it.
struct GzipPostProcess {
    let entry: PipelineConfig.PostProcess
    let context: CompletionContext

    var name: String { entry.name ?? "Unnamed" }

    func run() -> Bool {
        var compressed = 0
        var errors = 0
        var seen = Set<String>()
        for pattern in entry.files {
            guard !pattern.hasPrefix("/") else {
                log("\(name): '\(pattern)' is not relative to the run directory, skipping")
                errors += 1
                continue
            }
            for path in FileGlob.matches(pattern, under: context.runDirectory) where seen.insert(path).inserted {
                guard !path.hasSuffix(".gz"), !FileGlob.isFolder(path) else { continue }
                do {
                    try GzipFile.compress(path, to: path + ".gz")
                    compressed += 1
                    if !entry.keepOriginals { try FileManager.default.removeItem(atPath: path) }
                } catch {
                    errors += 1
                    log("\(name): Error compressing \(PathDisplay.relative(path, to: context.runDirectory)): \(error)")
                }
            }
        }
        var status = "Compressed \(compressed) file(s)"
        if entry.keepOriginals { status += " (originals kept)" }
        if errors > 0 { status += ", \(errors) error(s)" }
        log("\(name): \(status)")
        return errors == 0
    }

    private func log(_ message: String) { context.log(PostProcessTask.tag, message) }
}
