import Basics
import Foundation
import YAML

/// Reads a pipeline's items file: YAML (PyYAML `safe_load` semantics, as the Python tool), JSON, or JSONL
/// (one item per line, an Octobatch extension giving a list).
///
/// Invariant: errors are located diagnostics naming the items file; `.json` files are read as JSON (the
/// Python tool reads them with the YAML 1.1 loader, which would turn `1e5` into a string).
public enum ItemsLoader {
    public static func load(path: String, displayPath: String) throws(DiagnosticsError) -> Value {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DiagnosticsError([.error("items.not-found", "items file '\(displayPath)' does not exist")])
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            var items: [Value] = []
            do {
                try JSONLReader.forEachRecord(path: path) { _, value in items.append(value) }
            } catch let error as JSONLError {
                throw DiagnosticsError([.error("items.invalid-json", error.error.message,
                    at: SourceLocation(file: displayPath, line: error.line, column: error.error.column))])
            } catch {
                throw DiagnosticsError([.error("items.unreadable", "cannot read '\(displayPath)': \(error)")])
            }
            return .array(items)
        }
        if lower.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DiagnosticsError([.error("items.unreadable", "cannot read '\(displayPath)'")])
            }
            do {
                return try JSONReader.parse([UInt8](data))
            } catch {
                throw DiagnosticsError([.error("items.invalid-json", error.message,
                    at: SourceLocation(file: displayPath, line: error.line, column: error.column))])
            }
        }
        return try YAMLLoader.value(contentsOf: URL(fileURLWithPath: path), displayPath: displayPath)
    }
}
