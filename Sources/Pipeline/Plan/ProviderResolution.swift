import Basics
import Providers

/// Which provider and model an LLM step uses: CLI > step > `api` > the registry's default model.
///
/// Invariants: a resolved provider is a registry provider; when a higher level overrides the provider, the
/// lower levels' models (meant for another provider) are not used; a model the registry does not know is a
/// warning (its cost is unknown), with the nearest known names suggested.
public struct ProviderResolution: Sendable, Equatable {
    public var provider: String
    public var model: String
    /// Where each came from: "command line", "step", "api", "registry default".
    public var providerSource: String
    public var modelSource: String
    /// False when the registry has no price for the model.
    public var priced: Bool

    public struct Overrides: Sendable, Equatable {
        public var provider: String?
        public var model: String?
        public init(provider: String? = nil, model: String? = nil) {
            self.provider = provider
            self.model = model
        }
    }

    public static func resolve(step: StepConfig, api: APIConfig, overrides: Overrides, registry: ModelRegistry,
                               locator: any SourceLocator,
                               into diagnostics: inout DiagnosticCollector) -> ProviderResolution? {
        let levels: [(source: String, provider: String?, model: String?)] = [
            ("command line", overrides.provider?.lowercased(), overrides.model),
            ("step", step.provider, step.model),
            ("api", api.provider, api.model),
        ]
        guard let chosen = levels.first(where: { $0.provider != nil }), let provider = chosen.provider else {
            diagnostics.error(
                "provider.none", "no provider for LLM step '\(step.name)'",
                at: locator.location(of: step.path, key: false),
                help: "pass --provider (\(registry.providerNames.joined(separator: ", "))), or set 'api.provider' or the step's 'provider'; '--provider mock' runs offline")
            return nil
        }
        guard let entry = registry.provider(named: provider) else {
            diagnostics.error("provider.unknown", "unknown provider '\(provider)' for step '\(step.name)'",
                              at: locator.location(of: step.path, key: false),
                              help: EditDistance.didYouMean(provider, in: registry.providerNames))
            return nil
        }
        // A level's model counts when that level names no provider or names the chosen one, so a model meant
        // for another provider is never sent to this one.
        var model = entry.defaultModel
        var modelSource = "registry default"
        if let level = levels.first(where: { $0.model != nil && ($0.provider == nil || $0.provider == provider) }),
           let m = level.model {
            model = m
            modelSource = level.source
        }
        let priced = entry.model(named: model) != nil
        if !priced {
            let modelPath: ConfigPath? = switch modelSource {
            case "step": step.path.appending("model")
            case "api": ConfigPath([.key("api"), .key("model")])
            default: nil
            }
            let at = modelPath.flatMap { locator.location(of: $0, key: false) }
            var help = "its cost is unknown; 'octobatch models --provider \(provider)' lists the known ones"
            if let near = EditDistance.suggestion(for: model, from: entry.models.map(\.name)) {
                help = "did you mean '\(near)'? (" + help + ")"
            }
            // An api-level or command-line model is shared by every LLM step: warn about it once.
            let warning = Diagnostic.warning("provider.unknown-model", "model '\(model)' is not in the registry for \(provider)",
                                             at: at, help: help)
            if !diagnostics.diagnostics.contains(warning) { diagnostics.add(warning) }
        }
        return ProviderResolution(provider: provider, model: model, providerSource: chosen.source,
                                  modelSource: modelSource, priced: priced)
    }
}
