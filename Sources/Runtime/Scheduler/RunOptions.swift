import Basics
import Pipeline

/// How a run should go: mode, width, budgets and limits chosen on the command line or in the config.
///
/// Invariants: `concurrency >= 1`; `maxRetries >= 0` is the number of retries after a unit's first
/// attempt; a nil `maxCostUSD` means no cap beyond `api.realtime.cost_cap_usd`.
public struct RunOptions: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable {
        case realtime, batch
    }

    public var mode: Mode = .realtime
    public var concurrency: Int?
    public var maxRetries: Int?
    public var maxCostUSD: Double?
    public var timeout: Duration?
    public var mockLatencyMilliseconds: Double?
    public var mockFailureRate: Double?
    public var mockMalformedRate: Double?
    public var pollInterval: Duration?
    /// The longest a single realtime call may take before it counts as timed out (and is retried).
    public var callTimeout: Duration = .seconds(120)

    public init() {}

    /// The retry budget: `--max-retries`, else 0 for a realtime run whose config says
    /// `api.realtime.auto_retry: false`, else `processing.validation_retry.max_attempts`, else 5.
    public func retryBudget(_ config: PipelineConfig) -> Int {
        if let maxRetries { return maxRetries }
        if mode == .realtime, !config.api.autoRetry { return 0 }
        return config.processing.validationRetryMaxAttempts ?? 5
    }

    /// Concurrent realtime calls for a provider: the option, else `api.concurrency`, else 16.
    public func width(for provider: String, _ config: PipelineConfig) -> Int {
        max(1, concurrency ?? config.api.concurrency[provider] ?? config.api.concurrency["*"] ?? 16)
    }

    /// The tighter of `--max-cost` and `api.realtime.cost_cap_usd`.
    public func costCap(_ config: PipelineConfig) -> Double? {
        switch (maxCostUSD, config.api.costCapUSD) {
        case let (a?, b?): return min(a, b)
        case let (a?, nil): return a
        case let (nil, b?): return b
        default: return nil
        }
    }
}
