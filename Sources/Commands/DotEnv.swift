import Foundation

/// Reads `KEY=value` lines from the nearest `.env` file (the working directory, then its parents), the way
/// python-dotenv does for the Python tool; variables already in the environment win.
///
/// Invariant: values are only ever used, never printed; comments, `export ` prefixes and matching quotes
/// are handled; a malformed line is skipped.
enum DotEnv {
    static func merged(into environment: [String: String], from directory: String) -> [String: String] {
        guard let file = find(from: directory), let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            return environment
        }
        var result = environment
        for (key, value) in parse(text) where result[key] == nil { result[key] = value }
        return result
    }

    static func find(from directory: String) -> String? {
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(".env").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    static func parse(_ text: String) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            } else if let hash = value.range(of: " #") {
                value = value[..<hash.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { continue }
            pairs.append((key, value))
        }
        return pairs
    }
}
