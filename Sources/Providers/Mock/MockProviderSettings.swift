/// The knobs of the offline mock provider (the lead maps `api.mock` of the pipeline config onto these).
///
/// Invariants: rates are fractions in [0, 1] (values outside are clamped when used); `latencyMilliseconds`
/// is the mean latency of a realtime call (each call waits `latency × (0.5 + u)` with `u` in [0, 1) from
/// the call's hash); `rateLimitedShare` is the fraction of injected failures reported as 429 rather than
/// as a transient 5xx; `batchDuration` is how long a simulated batch takes, on the injected clock.
public struct MockProviderSettings: Sendable, Equatable {
    public var latencyMilliseconds: Double
    public var failureRate: Double
    public var malformedRate: Double
    public var rateLimitedShare: Double
    public var batchDuration: Duration
    /// The wait a simulated 429 asks for (nil: no Retry-After).
    public var rateLimitRetryAfter: Duration?

    public init(latencyMilliseconds: Double = 0, failureRate: Double = 0, malformedRate: Double = 0,
                rateLimitedShare: Double = 0.5, batchDuration: Duration = .seconds(3),
                rateLimitRetryAfter: Duration? = .seconds(1)) {
        self.latencyMilliseconds = latencyMilliseconds
        self.failureRate = failureRate
        self.malformedRate = malformedRate
        self.rateLimitedShare = rateLimitedShare
        self.batchDuration = batchDuration
        self.rateLimitRetryAfter = rateLimitRetryAfter
    }
}
