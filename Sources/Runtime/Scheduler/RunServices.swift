import Basics
import Pipeline
import Providers

/// Everything the chunk runners share that is not run state: options, providers, gates and limiters, clock.
///
/// Invariants: one provider instance, one gate (concurrency) and one token bucket per provider name for the
/// whole run, so limits hold across chunks; immutable after construction.
public final class RunServices: Sendable {
    public let options: RunOptions
    /// The run's base retry budget (retries after a unit's first attempt).
    public let maxRetries: Int
    /// Extra retries per step granted by `octobatch retry` (manifest metadata extra `retry_bonus`).
    public let retryBonus: [String: Int]
    public let clock: any RuntimeClock
    let providers: [String: any LLMProvider]
    let gates: [String: AsyncGate]
    let limiters: [String: TokenBucketLimiter]
    let retryPolicy: RetryPolicy
    let pollInterval: Duration
    /// TRACE_LOG.txt: one line per API call (provider, chunk, unit, time, status).
    let trace: TraceLog?

    public init(plan: ExecutionPlan, options: RunOptions, clock: any RuntimeClock, retryBonus: [String: Int] = [:],
                trace: TraceLog? = nil, providerFactory: (String) throws -> any LLMProvider) throws {
        self.options = options
        self.trace = trace
        self.clock = clock
        maxRetries = options.retryBudget(plan.config)
        self.retryBonus = retryBonus
        var providers: [String: any LLMProvider] = [:]
        var gates: [String: AsyncGate] = [:]
        var limiters: [String: TokenBucketLimiter] = [:]
        for step in plan.orderedSteps {
            guard case .llm(let work) = step.work else { continue }
            let name = work.resolution.provider
            if providers[name] == nil {
                providers[name] = try providerFactory(name)
                gates[name] = AsyncGate(width: options.width(for: name, plan.config))
                let limits = plan.config.api.rateLimits[name]
                limiters[name] = TokenBucketLimiter(requestsPerMinute: limits?.requestsPerMinute,
                                                    tokensPerMinute: limits?.tokensPerMinute, clock: clock)
            }
        }
        self.providers = providers
        self.gates = gates
        self.limiters = limiters
        let retry = plan.config.api.retry
        retryPolicy = RetryPolicy(maxAttempts: retry.maxAttempts,
                                  initialDelay: .milliseconds(Int64(retry.initialDelaySeconds * 1000)),
                                  multiplier: retry.backoffMultiplier)
        pollInterval = options.pollInterval
            ?? plan.config.api.pollIntervalSeconds.map { .milliseconds(Int64($0 * 1000)) } ?? .seconds(5)
    }

    /// The retry budget of one step: the base budget plus the step's bonus. A failure is final at this step
    /// when its stage is not retryable or its `retry_count` reaches this number.
    public func maxRetries(for step: String) -> Int { maxRetries + max(0, retryBonus[step] ?? 0) }
}
