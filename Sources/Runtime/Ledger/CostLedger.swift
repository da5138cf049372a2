import Basics
import Providers

/// What a run has spent: tokens, requests and cost per (step, provider, model), split realtime vs batch
/// and first attempts vs retries, priced with `ModelRegistry` when the tokens are recorded.
///
/// Invariants:
/// - Lines are kept in first-recorded order; each line's counts only grow.
/// - A line's `cost` is nil as soon as it holds tokens of a model without a known price: unknown prices
///   are flagged, never guessed (the Python tool's fallback prices undercounted runs).
/// - `knownCost` sums the priced lines; `totalCost` is nil when any spend is unpriced.
/// - `init(value:)` accepts exactly what `value` produces (the manifest's `ledger`).
public struct CostLedger: Sendable, Equatable {
    /// How the tokens were bought (batch is discounted).
    public enum Mode: String, Sendable, Hashable, CaseIterable { case realtime, batch }
    /// First attempt of a unit at a step, or a retry of it.
    public enum Phase: String, Sendable, Hashable, CaseIterable { case initial, retry }

    /// What one line accumulates.
    public struct LineKey: Sendable, Hashable {
        public var step: String
        public var provider: String
        public var model: String
        public var mode: Mode
        public var phase: Phase

        public init(step: String, provider: String, model: String, mode: Mode, phase: Phase) {
            self.step = step
            self.provider = provider
            self.model = model
            self.mode = mode
            self.phase = phase
        }
    }

    /// The totals of one key; `requests` and `usage` only grow.
    public struct Line: Sendable, Equatable {
        public var requests = 0
        public var usage = TokenUsage()
        /// USD, or nil when some of these tokens have no known price.
        public var cost: Double? = 0

        public init(requests: Int = 0, usage: TokenUsage = TokenUsage(), cost: Double? = 0) {
            self.requests = requests
            self.usage = usage
            self.cost = cost
        }
    }

    public private(set) var keys: [LineKey] = []
    public private(set) var lines: [LineKey: Line] = [:]

    public init() {}

    /// Records tokens priced by `registry` (batch prices when `mode == .batch`; zero tokens cost 0 even
    /// for an unknown model).
    public mutating func record(step: String, provider: String, model: String, usage: TokenUsage, mode: Mode,
                                phase: Phase, requests: Int = 1, registry: ModelRegistry) {
        let cost = usage == TokenUsage() ? 0 : registry.cost(provider: provider, model: model, usage: usage, batch: mode == .batch)
        record(LineKey(step: step, provider: provider, model: model, mode: mode, phase: phase), usage: usage,
               requests: requests, cost: cost)
    }

    /// Records tokens at a known cost (nil: unknown price).
    public mutating func record(_ key: LineKey, usage: TokenUsage, requests: Int = 1, cost: Double?) {
        if lines[key] == nil { keys.append(key) }
        var line = lines[key] ?? Line()
        line.requests += requests
        line.usage += usage
        if let current = line.cost, let cost { line.cost = current + cost } else { line.cost = nil }
        lines[key] = line
    }

    /// Adds every line of `other`.
    public mutating func merge(_ other: CostLedger) {
        for key in other.keys {
            if let line = other.lines[key] { record(key, usage: line.usage, requests: line.requests, cost: line.cost) }
        }
    }

    public var totalUsage: TokenUsage { lines.values.reduce(TokenUsage()) { $0 + $1.usage } }

    /// Tokens of first attempts or of retries (the manifest's `initial_*` / `retry_*` metadata).
    public func usage(phase: Phase) -> TokenUsage {
        keys.filter { $0.phase == phase }.reduce(TokenUsage()) { $0 + (lines[$1]?.usage ?? TokenUsage()) }
    }

    public func usage(step: String) -> TokenUsage {
        keys.filter { $0.step == step }.reduce(TokenUsage()) { $0 + (lines[$1]?.usage ?? TokenUsage()) }
    }

    public var knownCost: Double { keys.reduce(0) { $0 + (lines[$1]?.cost ?? 0) } }

    /// The cost of everything, or nil when some spend has no known price.
    public var totalCost: Double? { hasUnpricedSpend ? nil : knownCost }

    public var hasUnpricedSpend: Bool { lines.values.contains { $0.cost == nil } }

    /// `provider/model` of the lines without a price, in first-recorded order, once each.
    public var unpricedModels: [String] {
        var result: [String] = []
        for key in keys where lines[key]?.cost == nil {
            let name = key.provider + "/" + key.model
            if !result.contains(name) { result.append(name) }
        }
        return result
    }

    /// True when spending `estimate` more would take the known cost above `cap` (USD). Unpriced spend
    /// cannot be counted: callers check `hasUnpricedSpend` and refuse a cap they cannot enforce.
    public func wouldExceed(cap: Double, adding estimate: Double) -> Bool {
        knownCost + max(estimate, 0) > cap
    }
}
