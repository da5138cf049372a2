import Basics
import Providers
import TestSupport
import Testing

@Suite struct ModelRegistryTests {
    static let sample: Value = [
        "providers": [
            "openai": [
                "env_var": "OPENAI_API_KEY", "default_model": "gpt-4o-mini", "batch_discount": 0.5,
                "models": ["gpt-4o-mini": ["display_name": "GPT-4o mini", "input": 0.3, "output": 1.2]],
            ],
            "mock": ["env_var": nil, "default_model": "mock-1",
                     "models": ["mock-1": ["input": 0.0, "output": 0.0]]],
        ],
    ]

    @Test func decodesProvidersModelsAndPrices() throws {
        let registry = try ModelRegistry(document: Self.sample)
        #expect(registry.providerNames == ["openai", "mock"])
        #expect(registry.provider(named: "openai")?.keyVariable == "OPENAI_API_KEY")
        #expect(registry.provider(named: "mock")?.keyVariable == nil)
        #expect(registry.price(provider: "openai", model: "gpt-4o-mini")?.displayName == "GPT-4o mini")
    }

    @Test func costUsesStandardPricesAndTheBatchDiscount() throws {
        let registry = try ModelRegistry(document: Self.sample)
        let usage = TokenUsage(inputTokens: 1_000_000, outputTokens: 500_000)
        #expect(registry.cost(provider: "openai", model: "gpt-4o-mini", usage: usage, batch: false) == 0.9)
        #expect(registry.cost(provider: "openai", model: "gpt-4o-mini", usage: usage, batch: true) == 0.45)
        #expect(registry.cost(provider: "openai", model: "gpt-9", usage: usage, batch: true) == nil)
    }

    @Test func rejectsADefaultModelThatIsNotListed() {
        var doc = Self.sample
        if case .object(var root) = doc, case .object(var providers)? = root["providers"],
           case .object(var openai)? = providers["openai"] {
            openai["default_model"] = "gpt-5"
            providers["openai"] = .object(openai)
            root["providers"] = .object(providers)
            doc = .object(root)
        }
        #expect(throws: RegistryError(path: "providers.openai.default_model", message: "'gpt-5' is not among its models")) {
            try ModelRegistry(document: doc)
        }
    }

    @Test func embeddedRegistryMatchesTheRepositoryFile() throws {
        let file = try TestPaths.text(TestPaths.packageRoot.appendingPathComponent("registry/models.yaml"))
        #expect(EmbeddedRegistry.yaml + "\n" == file, "run scripts/embed-registry")
    }
}
