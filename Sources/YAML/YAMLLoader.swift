import Basics
import Foundation

/// Loads one YAML file the way PyYAML's `yaml.safe_load` does, with located diagnostics.
///
/// Invariants: a result is either a document/value with no error diagnostics, or the list of every error
/// found (sorted by location); loading never traps, never wraps integers and never expands aliases past
/// `YAMLLoadOptions.aliasExpansionLimit`.
public enum YAMLLoader {
    // MARK: - Result APIs

    /// Parses and converts `source`. `path` is only used in diagnostics and `YAMLDocument.path`.
    public static func loadDocument(
        source: String, path: String, options: YAMLLoadOptions = YAMLLoadOptions()
    ) -> Result<YAMLDocument, DiagnosticsError> {
        var text = source
        return text.withUTF8 { load($0, source: source, path: path, options: options) }
    }

    /// Reads the file at `url` and loads it; `displayPath` (default: the URL's path) appears in diagnostics.
    public static func loadDocument(
        contentsOf url: URL, displayPath: String? = nil, options: YAMLLoadOptions = YAMLLoadOptions()
    ) -> Result<YAMLDocument, DiagnosticsError> {
        let path = displayPath ?? url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .failure(DiagnosticsError([.error(
                "yaml.read-failed", "cannot read '\(path)': \(error.localizedDescription)")]))
        }
        return data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return load(bytes, source: String(decoding: bytes, as: UTF8.self), path: path, options: options)
        }
    }

    /// `yaml.safe_load(source)` as a `Value`.
    public static func loadValue(
        source: String, path: String, options: YAMLLoadOptions = YAMLLoadOptions()
    ) -> Result<Value, DiagnosticsError> {
        loadDocument(source: source, path: path, options: options).map(\.value)
    }

    /// `yaml.safe_load(open(url))` as a `Value`.
    public static func loadValue(
        contentsOf url: URL, displayPath: String? = nil, options: YAMLLoadOptions = YAMLLoadOptions()
    ) -> Result<Value, DiagnosticsError> {
        loadDocument(contentsOf: url, displayPath: displayPath, options: options).map(\.value)
    }

    // MARK: - Throwing conveniences

    /// `loadDocument(source:path:options:)`, throwing the diagnostics.
    public static func document(
        source: String, path: String, options: YAMLLoadOptions = YAMLLoadOptions()
    ) throws(DiagnosticsError) -> YAMLDocument {
        try loadDocument(source: source, path: path, options: options).get()
    }

    /// `loadDocument(contentsOf:displayPath:options:)`, throwing the diagnostics.
    public static func document(
        contentsOf url: URL, displayPath: String? = nil, options: YAMLLoadOptions = YAMLLoadOptions()
    ) throws(DiagnosticsError) -> YAMLDocument {
        try loadDocument(contentsOf: url, displayPath: displayPath, options: options).get()
    }

    /// `loadValue(source:path:options:)`, throwing the diagnostics.
    public static func value(
        source: String, path: String, options: YAMLLoadOptions = YAMLLoadOptions()
    ) throws(DiagnosticsError) -> Value {
        try loadValue(source: source, path: path, options: options).get()
    }

    /// `loadValue(contentsOf:displayPath:options:)`, throwing the diagnostics.
    public static func value(
        contentsOf url: URL, displayPath: String? = nil, options: YAMLLoadOptions = YAMLLoadOptions()
    ) throws(DiagnosticsError) -> Value {
        try loadValue(contentsOf: url, displayPath: displayPath, options: options).get()
    }

    // MARK: - Implementation

    private static func load(
        _ bytes: UnsafeBufferPointer<UInt8>, source: String, path: String, options: YAMLLoadOptions
    ) -> Result<YAMLDocument, DiagnosticsError> {
        let tree = YAMLTreeBuilder.build(bytes, file: path, options: options)
        var diagnostics = tree.diagnostics
        var value: Value?
        // After a syntax error PyYAML never gets to construct values; neither do we.
        if let root = tree.root, !diagnostics.contains(where: { $0.id == "yaml.syntax" }) {
            var converter = ValueConverter(file: path, limit: options.aliasExpansionLimit)
            value = try? converter.convert(root)
            diagnostics.append(contentsOf: converter.diagnostics)
        }
        if let root = tree.root, let value, !diagnostics.contains(where: { $0.severity == .error }) {
            return .success(YAMLDocument(path: path, source: source, root: root, value: value))
        }
        return .failure(DiagnosticsError(ordered(diagnostics)))
    }

    /// Without repeats, sorted by line and column (stable, so causes stay before consequences).
    private static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        let unique = diagnostics.filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            let ka = (la?.line ?? 0, la?.column ?? 0, a.offset)
            let kb = (lb?.line ?? 0, lb?.column ?? 0, b.offset)
            return ka < kb
        }.map(\.element)
    }
}
