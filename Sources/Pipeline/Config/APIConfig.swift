/// The `api` section: provider defaults, call retries, realtime limits, and our rate-limit extensions.
///
/// Invariants: numbers are within their documented ranges (checked by the loader); per-provider maps are
/// keyed by provider name.
public struct APIConfig: Sendable, Equatable {
    public struct Retry: Sendable, Equatable {
        public var maxAttempts: Int = 3
        public var initialDelaySeconds: Double = 1.0
        public var backoffMultiplier: Double = 2.0
        public init() {}
    }

    public struct RateLimit: Sendable, Equatable {
        public var requestsPerMinute: Int?
        public var tokensPerMinute: Int?
        public init(requestsPerMinute: Int? = nil, tokensPerMinute: Int? = nil) {
            self.requestsPerMinute = requestsPerMinute
            self.tokensPerMinute = tokensPerMinute
        }
    }

    /// Knobs of the offline mock provider.
    public struct MockSettings: Sendable, Equatable {
        public var latencyMilliseconds: Double = 0
        public var failureRate: Double = 0
        public var malformedRate: Double = 0
        public init() {}
    }

    public var provider: String?
    public var model: String?
    public var maxTokens: Int?
    public var maxInflightBatches: Int = 10
    public var pollIntervalSeconds: Double?
    public var retry = Retry()
    public var costCapUSD: Double?
    public var autoRetry: Bool = true
    public var subprocessTimeoutSeconds: Int = 600
    /// Concurrent realtime calls, per provider name, and `"*"` for all providers.
    public var concurrency: [String: Int] = [:]
    public var rateLimits: [String: RateLimit] = [:]
    public var mock = MockSettings()

    public init() {}
}
