import Basics
import Foundation

/// Reads the files that diagnostics point into, so the renderer can show the offending line.
enum DiagnosticSources {
    static func load(for diagnostics: [Diagnostic], relativeTo directory: String = "") -> [String: String] {
        var sources: [String: String] = [:]
        let files = Set(diagnostics.flatMap { d in [d.location?.file] + d.notes.map { $0.location?.file } }
            .compactMap { $0 })
        for file in files {
            let path = file.hasPrefix("/") || directory.isEmpty ? file : (directory as NSString).appendingPathComponent(file)
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { sources[file] = text }
        }
        return sources
    }
}
