import Basics

/// How often and how long to wait before a failed provider call is tried again.
///
/// Invariants:
/// - Only `rateLimited`, `transient` and `timeout` are retried (`LLMProviderError.isRetryable`);
///   `fatal`, `invalidRequest` and `cancelled` never are.
/// - `maxAttempts` counts every call, the first included (`api.retry.max_attempts`, default 3).
/// - The wait after failed attempt `n` (0-based) is `initialDelay × multiplier^n`, capped at `maxDelay`,
///   times a jitter factor in `[1 − jitter, 1]` drawn from SHA-256(seed, key, n): deterministic for a unit,
///   spread across units. A server's `retryAfter` replaces the computed wait when present (capped at
///   `maxRetryAfter`; a longer demand gives up instead of stalling the run).
public struct RetryPolicy: Sendable, Equatable {
    public var maxAttempts: Int
    public var initialDelay: Duration
    public var multiplier: Double
    public var maxDelay: Duration
    /// Fraction of the delay that jitter may remove, in [0, 1].
    public var jitter: Double
    public var maxRetryAfter: Duration
    public var seed: Int

    public init(maxAttempts: Int = 3, initialDelay: Duration = .seconds(1), multiplier: Double = 2,
                maxDelay: Duration = .seconds(60), jitter: Double = 0.25, maxRetryAfter: Duration = .seconds(120),
                seed: Int = 0) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialDelay = initialDelay
        self.multiplier = max(1, multiplier)
        self.maxDelay = maxDelay
        self.jitter = min(max(jitter, 0), 1)
        self.maxRetryAfter = maxRetryAfter
        self.seed = seed
    }

    /// What to do after attempt `attempt` (0-based) of `key` failed with `error`.
    public enum Decision: Sendable, Equatable {
        case retry(after: Duration)
        case giveUp
    }

    public func decision(after error: LLMProviderError, attempt: Int, key: String) -> Decision {
        guard error.isRetryable, attempt + 1 < maxAttempts else { return .giveUp }
        if let wait = error.retryAfter {
            return wait <= maxRetryAfter ? .retry(after: wait) : .giveUp
        }
        return .retry(after: backoff(attempt: attempt, key: key))
    }

    /// The computed wait after failed attempt `attempt`, with jitter.
    public func backoff(attempt: Int, key: String) -> Duration {
        let base = TokenBucketLimiter.seconds(initialDelay) * integerPower(multiplier, Double(max(attempt, 0)))
        let capped = min(base, TokenBucketLimiter.seconds(maxDelay))
        let u = SeededGenerator.fractions("octobatch-retry|\(seed)|\(key)|\(attempt)")[0]
        let seconds = capped * (1 - jitter * u)
        return .microseconds(Int64((seconds * 1_000_000).rounded()))
    }

    /// Calls `operation` with attempt numbers 0, 1, … until it succeeds, fails for good, or the attempts
    /// are used up; waits on `clock` between attempts. `onRetry` hears each retry (for logs and traces).
    public func run<T: Sendable>(key: String, clock: any RuntimeClock,
                                 onRetry: (@Sendable (LLMProviderError, Int, Duration) async -> Void)? = nil,
                                 _ operation: (Int) async throws(LLMProviderError) -> T) async throws(LLMProviderError) -> T {
        var attempt = 0
        while true {
            do {
                return try await operation(attempt)
            } catch {
                guard case .retry(let wait) = decision(after: error, attempt: attempt, key: key) else { throw error }
                await onRetry?(error, attempt, wait)
                do { try await clock.sleep(for: wait) } catch { throw .cancelled }
                attempt += 1
            }
        }
    }
}

/// `x^⌊y⌋` for the backoff (Foundation-free).
func integerPower(_ x: Double, _ y: Double) -> Double {
    guard y > 0 else { return 1 }
    var result = 1.0
    var remaining = Int(y.rounded(.down))
    while remaining > 0 { result *= x; remaining -= 1 }
    return result
}
