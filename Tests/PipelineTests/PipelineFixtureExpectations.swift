import Basics
import Foundation
import Pipeline
import Providers

/// One finding a broken-pipeline fixture expects: a diagnostic id at a file, line and column.
///
/// Fixtures mark it in place, swift-format style: a line containing `expect: <id>@<line>:<column>` (a YAML
/// `#` comment, a Jinja `{# … #}` comment) where `<line>` is relative to the marker's line when signed
/// (`+1` = the next line) and absolute otherwise, and `<column>` is absolute; or, for files that cannot
/// hold comments, a line `<file>:<line>:<column> <id>` in the fixture's `expect.txt` (`-:0:0` for a finding
/// that has no location). A fixture's `args.txt` may hold `--provider P`, or nothing for no provider;
/// without it the test validates with `--provider mock`.
struct ExpectedFinding: Hashable, CustomStringConvertible {
    var file: String
    var line: Int
    var column: Int
    var id: String

    var description: String { "\(file):\(line):\(column) \(id)" }

    init(file: String, line: Int, column: Int, id: String) {
        self.file = file
        self.line = line
        self.column = column
        self.id = id
    }

    /// A reported finding in the same form; one without a location is `-:0:0`.
    init(_ diagnostic: Diagnostic) {
        let location = diagnostic.location
        self.init(file: location?.file ?? "-", line: location?.line ?? 0, column: location?.column ?? 0,
                  id: diagnostic.id)
    }

    /// Every expectation of the fixture folder `folder` (files are named relative to it).
    static func all(in folder: URL) throws -> [ExpectedFinding] {
        var found: [ExpectedFinding] = []
        for relative in try files(in: folder) {
            let text = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
            let lines = text.components(separatedBy: "\n")
            if relative == "args.txt" { continue }
            if relative == "expect.txt" {
                found += lines.compactMap(parseExpectLine)
                continue
            }
            for (index, line) in lines.enumerated() {
                guard let marker = line.range(of: "expect: ") else { continue }
                if let finding = parseMarker(String(line[marker.upperBound...]), file: relative, markerLine: index + 1) {
                    found.append(finding)
                }
            }
        }
        return found
    }

    /// The regular files under `folder`, relative to it, sorted.
    static func files(in folder: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(relative)
            }
        }
        return result.sorted()
    }

    /// `config.unknown-key@+1:3` (then anything, e.g. ` #}`).
    static func parseMarker(_ text: String, file: String, markerLine: Int) -> ExpectedFinding? {
        let token = text.prefix { !$0.isWhitespace }
        let parts = token.split(separator: "@", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let position = parts[1].split(separator: ":")
        guard position.count == 2, let column = Int(position[1]) else { return nil }
        let lineText = position[0]
        let relative = lineText.hasPrefix("+") || lineText.hasPrefix("-")
        guard let number = Int(lineText.hasPrefix("+") ? lineText.dropFirst() : lineText) else { return nil }
        return ExpectedFinding(file: file, line: relative ? markerLine + number : number, column: column,
                               id: String(parts[0]))
    }

    /// `schemas/describe.json:5:3 schema.invalid-json`.
    static func parseExpectLine(_ line: String) -> ExpectedFinding? {
        let fields = line.split(separator: " ")
        guard fields.count == 2 else { return nil }
        let place = fields[0].split(separator: ":")
        guard place.count == 3, let lineNumber = Int(place[1]), let column = Int(place[2]) else { return nil }
        return ExpectedFinding(file: String(place[0]), line: lineNumber, column: column, id: String(fields[1]))
    }
}

/// Runs what `octobatch validate FOLDER --provider mock` runs and returns every finding.
enum PipelineValidation {
    /// The provider a fixture is validated with: `args.txt`'s `--provider P`, none when it names none,
    /// `mock` when there is no `args.txt`.
    static func provider(for folder: URL) throws -> String? {
        let url = folder.appendingPathComponent("args.txt")
        guard FileManager.default.fileExists(atPath: url.path) else { return "mock" }
        let words = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isWhitespace).map(String.init)
        guard let flag = words.firstIndex(of: "--provider"), flag + 1 < words.count else { return nil }
        return words[flag + 1]
    }

    static func findings(folder: URL, provider: String?) throws -> [Diagnostic] {
        let registry = try RegistryLoader.load(environment: [:])
        let pipeline: LoadedPipeline
        do {
            let source = try PipelineSource.resolve(folder.path, currentDirectory: folder.path)
            pipeline = try PipelineLoader.load(source, registry: registry)
        } catch {
            return error.diagnostics
        }
        let report = PlanCompiler.compile(pipeline, overrides: PlanOverrides(provider: provider),
                                          registry: registry, environment: [:])
        return report.diagnostics
    }

    /// A one-line-per-finding listing for failure messages.
    static func describe(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { d in
            let place = d.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "(no location)"
            return "\(place) \(d.severity.rawValue) \(d.id): \(d.message)"
        }.joined(separator: "\n")
    }
}
