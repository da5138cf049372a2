import Basics

/// The providers Octobatch knows, their models and prices (registry/models.yaml).
///
/// Invariants: provider and model names are unique; prices are USD per million tokens at the standard
/// (realtime) rate and non-negative; `batchDiscount` is in (0, 1]. A model absent from the registry has no
/// price: `price(provider:model:)` returns nil and callers say "unknown price" instead of guessing (the
/// Python tool's hard-coded fallback undercounted a run 17×, reference §6 scenario 14).
public struct ModelRegistry: Sendable, Equatable {
    public struct Model: Sendable, Equatable {
        public var name: String
        public var displayName: String
        public var inputPerMillion: Double
        public var outputPerMillion: Double
        public var supportsBatch: Bool

        public init(name: String, displayName: String, inputPerMillion: Double, outputPerMillion: Double,
                    supportsBatch: Bool) {
            self.name = name
            self.displayName = displayName
            self.inputPerMillion = inputPerMillion
            self.outputPerMillion = outputPerMillion
            self.supportsBatch = supportsBatch
        }
    }

    public struct Provider: Sendable, Equatable {
        public var name: String
        /// The environment variable holding the API key; nil for the offline mock.
        public var keyVariable: String?
        public var defaultModel: String
        public var batchDiscount: Double
        public var models: [Model]

        public init(name: String, keyVariable: String?, defaultModel: String, batchDiscount: Double, models: [Model]) {
            self.name = name
            self.keyVariable = keyVariable
            self.defaultModel = defaultModel
            self.batchDiscount = batchDiscount
            self.models = models
        }

        public func model(named name: String) -> Model? { models.first { $0.name == name } }
    }

    public var providers: [Provider]

    public init(providers: [Provider]) { self.providers = providers }

    public func provider(named name: String) -> Provider? { providers.first { $0.name == name } }

    public var providerNames: [String] { providers.map(\.name) }

    /// The price of one model, or nil when the provider or model is unknown.
    public func price(provider: String, model: String) -> Model? {
        self.provider(named: provider)?.model(named: model)
    }

    /// The cost in USD of the given tokens, or nil when the model has no known price.
    public func cost(provider: String, model: String, usage: TokenUsage, batch: Bool) -> Double? {
        guard let entry = self.provider(named: provider), let price = entry.model(named: model) else { return nil }
        let standard = (Double(usage.inputTokens) * price.inputPerMillion
            + Double(usage.outputTokens) * price.outputPerMillion) / 1_000_000
        return batch ? standard * entry.batchDiscount : standard
    }
}

/// Tokens of one or more calls.
public struct TokenUsage: Sendable, Equatable, Hashable {
    public var inputTokens: Int
    public var outputTokens: Int

    public init(inputTokens: Int = 0, outputTokens: Int = 0) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }

    public static func + (a: TokenUsage, b: TokenUsage) -> TokenUsage {
        TokenUsage(inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens)
    }

    public static func += (a: inout TokenUsage, b: TokenUsage) { a = a + b }
}
