import Basics
import YAML

/// Maps config paths to positions in the YAML file they came from.
///
/// Invariant: a path that no longer exists in the tree (e.g. a default) falls back to its nearest existing
/// ancestor, so every diagnostic gets a real position in the file.
public struct YAMLSourceLocator: SourceLocator {
    public let document: YAMLDocument

    public init(document: YAMLDocument) { self.document = document }

    public func location(of path: ConfigPath, key: Bool) -> SourceLocation? {
        var components = path.components
        var wantKey = key
        while true {
            let yamlPath = components.map { component -> YAMLPathComponent in
                switch component {
                case .key(let k): return .key(k)
                case .index(let i): return .index(i)
                }
            }
            if wantKey, case .key(let last)? = components.last,
               let parent = document.node(at: Array(yamlPath.dropLast())),
               let entry = parent.entry(forKey: last) {
                return document.location(of: entry.key)
            }
            if let node = document.node(at: yamlPath) { return document.location(of: node) }
            guard !components.isEmpty else { return SourceLocation(file: document.path, line: 1, column: 1) }
            components.removeLast()
            wantKey = false
        }
    }
}
