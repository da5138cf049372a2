import Basics

/// A path into the config document: mapping keys and sequence indexes (`pipeline.steps[2].name`).
public struct ConfigPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    public func appending(_ key: String) -> ConfigPath { ConfigPath(components + [.key(key)]) }
    public func appending(_ index: Int) -> ConfigPath { ConfigPath(components + [.index(index)]) }

    /// `pipeline.steps[2].name`.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text.isEmpty ? "(top level)" : text
    }
}

/// Maps config paths to source locations (implemented over the located YAML tree).
public protocol SourceLocator: Sendable {
    /// Where the value at `path` starts, or its key when `key` is true (for unknown-key findings).
    func location(of path: ConfigPath, key: Bool) -> SourceLocation?
}

/// A locator for documents without a source (tests, programmatic configs): every location is the file.
public struct FileOnlyLocator: SourceLocator {
    public let file: String
    public init(file: String) { self.file = file }
    public func location(of path: ConfigPath, key: Bool) -> SourceLocation? {
        SourceLocation(file: file, line: 1, column: 1)
    }
}
