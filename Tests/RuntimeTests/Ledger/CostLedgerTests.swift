import Basics
import Providers
import Runtime
import Testing

@Suite struct CostLedgerTests {
    static let registry = ModelRegistry(providers: [
        .init(name: "openai", keyVariable: "OPENAI_API_KEY", defaultModel: "gpt-4o-mini", batchDiscount: 0.5,
              models: [.init(name: "gpt-4o-mini", displayName: "GPT-4o mini", inputPerMillion: 0.3, outputPerMillion: 1.2,
                             supportsBatch: true)]),
    ])

    @Test func splitsModesAndPhasesAndPricesWithTheRegistry() {
        var ledger = CostLedger()
        let million = TokenUsage(inputTokens: 1_000_000, outputTokens: 500_000)
        ledger.record(step: "analyze", provider: "openai", model: "gpt-4o-mini", usage: million, mode: .realtime, phase: .initial,
                      registry: Self.registry)
        ledger.record(step: "analyze", provider: "openai", model: "gpt-4o-mini", usage: million, mode: .batch, phase: .initial,
                      requests: 10, registry: Self.registry)
        ledger.record(step: "analyze", provider: "openai", model: "gpt-4o-mini", usage: million, mode: .realtime, phase: .retry,
                      registry: Self.registry)
        ledger.record(step: "analyze", provider: "openai", model: "gpt-4o-mini", usage: million, mode: .realtime, phase: .initial,
                      registry: Self.registry)
        #expect(ledger.keys.count == 3)
        let first = CostLedger.LineKey(step: "analyze", provider: "openai", model: "gpt-4o-mini", mode: .realtime, phase: .initial)
        #expect(ledger.lines[first] == .init(requests: 2, usage: million + million, cost: 1.8))
        #expect(ledger.lines[.init(step: "analyze", provider: "openai", model: "gpt-4o-mini", mode: .batch, phase: .initial)]?.cost == 0.45)
        #expect(ledger.usage(phase: .retry) == million)
        #expect(ledger.usage(phase: .initial) == TokenUsage(inputTokens: 3_000_000, outputTokens: 1_500_000))
        #expect(abs(ledger.knownCost - 3.15) < 1e-12)
        #expect(ledger.totalCost == ledger.knownCost)
        #expect(!ledger.hasUnpricedSpend)
        #expect(ledger.wouldExceed(cap: 3.5, adding: 0.5))
        #expect(!ledger.wouldExceed(cap: 3.5, adding: 0.3))
    }

    @Test func unknownPricesAreFlaggedNotGuessed() {
        var ledger = CostLedger()
        ledger.record(step: "s", provider: "openai", model: "gpt-9", usage: TokenUsage(inputTokens: 0, outputTokens: 0),
                      mode: .realtime, phase: .initial, registry: Self.registry)
        #expect(!ledger.hasUnpricedSpend)   // nothing spent yet
        ledger.record(step: "s", provider: "openai", model: "gpt-9", usage: TokenUsage(inputTokens: 10, outputTokens: 5),
                      mode: .realtime, phase: .initial, registry: Self.registry)
        ledger.record(step: "s", provider: "openai", model: "gpt-4o-mini", usage: TokenUsage(inputTokens: 1_000_000),
                      mode: .realtime, phase: .initial, registry: Self.registry)
        #expect(ledger.hasUnpricedSpend)
        #expect(ledger.totalCost == nil)
        #expect(ledger.knownCost == 0.3)
        #expect(ledger.unpricedModels == ["openai/gpt-9"])
        #expect(ledger.totalUsage == TokenUsage(inputTokens: 1_000_010, outputTokens: 5))
    }

    @Test func roundTripsThroughValue() throws {
        var ledger = CostLedger()
        ledger.record(step: "a", provider: "openai", model: "gpt-4o-mini", usage: TokenUsage(inputTokens: 100, outputTokens: 20),
                      mode: .batch, phase: .retry, requests: 3, registry: Self.registry)
        ledger.record(step: "b", provider: "x", model: "y", usage: TokenUsage(inputTokens: 1, outputTokens: 1),
                      mode: .realtime, phase: .initial, registry: Self.registry)
        let value = ledger.value
        #expect(value["total_cost"] == .null)
        #expect(value["unpriced"] == ["x/y"])
        #expect(value["entries"]?.arrayValue?.first?["requests"] == 3)
        let back = try CostLedger(value: JSONReader.parse(JSONWriter.python(value)))
        #expect(back == ledger)
        var merged = CostLedger()
        merged.merge(ledger)
        merged.merge(ledger)
        #expect(merged.totalUsage == TokenUsage(inputTokens: 202, outputTokens: 42))
        #expect(throws: CostLedgerError.self) { _ = try CostLedger(value: ["entries": [["step": "a"]]]) }
    }
}
