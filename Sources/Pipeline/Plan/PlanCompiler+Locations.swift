import Basics
import Foundation
import YAML

extension PlanCompiler {
    /// Where a unit-generation problem is: the offending item in the items file when one item is to blame
    /// and the file can be read with positions, else the config key that governs it.
    func location(of error: UnitGenerationError) -> SourceLocation? {
        if let itemPath = error.itemPath, let relative = config.processing.itemsSource,
           let location = itemsFileLocation(of: itemPath, relative: relative) {
            return location
        }
        if let configPath = error.configPath { return locator.location(of: configPath, key: false) }
        let processing = ConfigPath([.key("processing")])
        let items = processing.appending("items")
        let spec = config.processing.generation
        let candidates: [ConfigPath]
        switch error.kind {
        case .missingSourceKey:
            candidates = spec.itemsKey != nil ? [items.appending("key")] : [processing.appending("positions")]
        case .itemsShape:
            candidates = [items.appending("key"), items.appending("source")]
        case .missingName, .duplicateUnitID:
            candidates = [items.appending("name_field"), items.appending("source")]
        case .missingPositions, .notEnoughItems, .tooMany:
            candidates = [processing.appending("positions"), processing.appending("strategy")]
        }
        let path = candidates.first { exists($0) } ?? processing
        return locator.location(of: path, key: path == processing)
    }

    /// True when the config file has a value at `path`.
    func exists(_ path: ConfigPath) -> Bool {
        pipeline.document.node(at: Self.yamlPath(path)) != nil
    }

    /// The position of `path` inside the items file (YAML or JSON; JSONL has no document to point into).
    func itemsFileLocation(of path: ConfigPath, relative: String) -> SourceLocation? {
        let lower = relative.lowercased()
        guard !lower.hasSuffix(".jsonl"), !lower.hasSuffix(".ndjson"),
              let document = try? YAMLLoader.document(contentsOf: URL(fileURLWithPath: pipeline.source.absolute(relative)),
                                                      displayPath: pipeline.source.display(relative)),
              let node = document.node(at: Self.yamlPath(path)) else { return nil }
        return document.location(of: node)
    }

    /// A `validation.<step>…` path as `StepRules` names it (`validation.analyze.rules[0].expr`), located in
    /// the config (the step name may itself contain dots, so it is matched as a whole).
    func ruleLocation(_ text: String, step: String) -> SourceLocation? {
        let base = "validation.\(step)"
        guard text.hasPrefix(base) else { return nil }
        var path = ConfigPath([.key("validation"), .key(step)])
        var rest = Substring(text.dropFirst(base.count))
        while !rest.isEmpty {
            if rest.hasPrefix("["), let close = rest.firstIndex(of: "]"),
               let index = Int(rest[rest.index(after: rest.startIndex)..<close]) {
                path = path.appending(index)
                rest = rest[rest.index(after: close)...]
            } else if rest.hasPrefix(".") {
                rest = rest.dropFirst()
                let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                path = path.appending(String(rest[..<end]))
                rest = rest[end...]
            } else {
                break
            }
        }
        return locator.location(of: path, key: false)
    }

    static func yamlPath(_ path: ConfigPath) -> [YAMLPathComponent] {
        path.components.map { component -> YAMLPathComponent in
            switch component {
            case .key(let key): return .key(key)
            case .index(let index): return .index(index)
            }
        }
    }
}
