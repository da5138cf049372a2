import Basics
import Foundation
import Providers
import YAML

/// A pipeline read from disk: its source, its YAML document and decoded config, and its items.
///
/// Invariant: exists only when the config decoded without errors; `warnings` holds the decoder's
/// non-fatal findings (ignored keys and the like).
public struct LoadedPipeline: Sendable {
    public var source: PipelineSource
    public var document: YAMLDocument
    public var config: PipelineConfig
    public var locator: YAMLSourceLocator
    public var warnings: [Diagnostic]
}

/// Reads config.yaml and decodes it (reference §1.2), reporting every problem of the file at once.
public enum PipelineLoader {
    public static func load(_ source: PipelineSource,
                            registry: ModelRegistry? = nil) throws(DiagnosticsError) -> LoadedPipeline {
        let document = try YAMLLoader.document(contentsOf: URL(fileURLWithPath: source.configFile),
                                               displayPath: source.displayPath)
        let locator = YAMLSourceLocator(document: document)
        var diagnostics = DiagnosticCollector()
        var decoder = PipelineConfigDecoder(locator: locator)
        if let registry { decoder.knownProviders = registry.providerNames }
        guard let config = decoder.decode(document.value, configFile: source.configFile,
                                          configDirectory: source.directory, into: &diagnostics),
              !diagnostics.hasErrors else {
            throw DiagnosticsError(diagnostics.diagnostics)
        }
        return LoadedPipeline(source: source, document: document, config: config, locator: locator,
                              warnings: diagnostics.diagnostics)
    }

    /// The items document of a loaded pipeline.
    public static func items(of pipeline: LoadedPipeline) throws(DiagnosticsError) -> Value {
        guard let relative = pipeline.config.processing.itemsSource else {
            throw DiagnosticsError([.error("config.missing-key", "'processing.items.source' is required",
                at: pipeline.locator.location(of: ConfigPath([.key("processing"), .key("items")]), key: false))])
        }
        do {
            return try ItemsLoader.load(path: pipeline.source.absolute(relative),
                                        displayPath: pipeline.source.display(relative))
        } catch {
            // A missing or unreadable file has no place of its own: point at the `source:` that names it.
            let source = ConfigPath([.key("processing"), .key("items"), .key("source")])
            throw DiagnosticsError(error.diagnostics.map { diagnostic in
                var located = diagnostic
                if located.location == nil { located.location = pipeline.locator.location(of: source, key: false) }
                return located
            })
        }
    }
}
