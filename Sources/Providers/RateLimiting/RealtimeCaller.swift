/// One realtime call done properly: wait for the rate limiter, call the provider, retry what the
/// `RetryPolicy` allows (pausing the limiter for a server's Retry-After), and report every try.
///
/// Invariants:
/// - Each try of a request with `attempt = a` is sent with `attempt = a × retry.maxAttempts + n` (n = 0, 1,
///   …): attempt numbers stay unique across unit-level retries and API-level retries, so the mock
///   provider draws a fresh outcome for every call and re-running reproduces them all.
/// - The limiter is charged the difference between the estimate and the tokens the provider reported.
/// - Cancellation while waiting (limiter or backoff) surfaces as `LLMProviderError.cancelled`.
public struct RealtimeCaller: Sendable {
    /// What happened on one try (for TRACE_LOG and the ledger: every try that returned tokens is paid).
    public struct Try: Sendable, Equatable {
        public var request: LLMRequest
        public var outcome: Result<LLMResponse, LLMProviderError>
        /// Time spent in the provider call, on the caller's clock.
        public var elapsed: Duration
        /// Set when another try follows after this wait.
        public var retryAfter: Duration?
    }

    public let provider: any LLMProvider
    public let limiter: TokenBucketLimiter?
    public let retry: RetryPolicy
    public let clock: any RuntimeClock

    public init(provider: any LLMProvider, limiter: TokenBucketLimiter?, retry: RetryPolicy, clock: any RuntimeClock) {
        self.provider = provider
        self.limiter = limiter
        self.retry = retry
        self.clock = clock
    }

    /// - Parameters:
    ///   - estimatedTokens: input + expected output tokens, taken from the tokens-per-minute bucket.
    ///   - onTry: hears each try, in order, before the next begins.
    public func call(_ request: LLMRequest, estimatedTokens: Int,
                     onTry: (@Sendable (Try) async -> Void)? = nil) async throws(LLMProviderError) -> LLMResponse {
        var n = 0
        while true {
            var attemptRequest = request
            attemptRequest.attempt = request.attempt * retry.maxAttempts + n
            if let limiter {
                do { try await limiter.acquire(tokens: estimatedTokens) } catch { throw .cancelled }
            }
            let started = clock.now
            let outcome: Result<LLMResponse, LLMProviderError>
            do {
                outcome = .success(try await provider.complete(attemptRequest))
            } catch {
                outcome = .failure(error)
            }
            let elapsed = clock.now - started
            switch outcome {
            case .success(let response):
                await limiter?.charge(tokens: response.usage.inputTokens + response.usage.outputTokens - estimatedTokens)
                await onTry?(Try(request: attemptRequest, outcome: outcome, elapsed: elapsed, retryAfter: nil))
                return response
            case .failure(let error):
                guard case .retry(let wait) = retry.decision(after: error, attempt: n, key: request.unitID + "|" + request.step)
                else {
                    await onTry?(Try(request: attemptRequest, outcome: outcome, elapsed: elapsed, retryAfter: nil))
                    throw error
                }
                await onTry?(Try(request: attemptRequest, outcome: outcome, elapsed: elapsed, retryAfter: wait))
                if let serverWait = error.retryAfter { await limiter?.pause(for: serverWait) }
                do { try await clock.sleep(for: wait) } catch { throw .cancelled }
                n += 1
            }
        }
    }
}
