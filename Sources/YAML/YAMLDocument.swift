import Basics

/// One successfully loaded YAML file: where it came from, its text, its located node tree and its value.
///
/// Invariants: `value` is exactly what PyYAML's `yaml.safe_load(source)` gives (up to the deviations in
/// README.md), `root` is the tree it was converted from, and every node's range refers to `source`.
/// A document only exists when loading produced no error.
public struct YAMLDocument: Sendable {
    /// The path as the user should see it in diagnostics.
    public let path: String
    public let source: String
    public let root: YAMLNode
    public let value: Value

    public init(path: String, source: String, root: YAMLNode, value: Value) {
        self.path = path
        self.source = source
        self.root = root
        self.value = value
    }

    /// Where a node starts in this file (underlined to its end when it stays on one line).
    public func location(of node: YAMLNode) -> SourceLocation {
        node.range.location(in: path)
    }

    /// Where a range starts in this file.
    public func location(of range: YAMLSourceRange) -> SourceLocation {
        range.location(in: path)
    }

    /// The effective entry for `key` in the mapping at `node` (merge keys applied, as in `value`), with
    /// the key's and the value's locations; nil when `node` is not a mapping or has no such key.
    public func lookup(_ key: String, in node: YAMLNode) -> (entry: YAMLMappingEntry, keyLocation: SourceLocation, valueLocation: SourceLocation)? {
        guard let entry = node.entry(forKey: key) else { return nil }
        return (entry, location(of: entry.key), location(of: entry.value))
    }

    /// The node at a path of mapping keys and sequence indexes from the root, e.g.
    /// `["pipeline", "steps", 0, "name"]`; nil when the path does not exist.
    public func node(at path: [YAMLPathComponent]) -> YAMLNode? {
        root.node(at: path)
    }
}

/// One step of a path into a node tree: a mapping key or a sequence index.
public enum YAMLPathComponent: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)

    public init(stringLiteral value: String) { self = .key(value) }
    public init(integerLiteral value: Int) { self = .index(value) }
}
