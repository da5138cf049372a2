import Providers

/// Races a provider call against a deadline on the run's clock (Linux URLSession rounds timeouts down to
/// whole seconds and cannot be relied on): whichever finishes first wins, the other is cancelled.
///
/// Invariant: a call that outlives `limit` ends with `LLMProviderError.timeout` (retryable), never hangs
/// the run; cancellation of the caller cancels both.
enum CallDeadline {
    static func run(_ limit: Duration, clock: any RuntimeClock,
                    _ call: @escaping @Sendable () async throws(LLMProviderError) -> LLMResponse)
        async throws(LLMProviderError) -> LLMResponse {
        let result: Result<LLMResponse, LLMProviderError> = await withTaskGroup(of: Result<LLMResponse, LLMProviderError>?.self) { group in
            group.addTask {
                do throws(LLMProviderError) { return .success(try await call()) } catch { return .failure(error) }
            }
            group.addTask {
                do { try await clock.sleep(for: limit) } catch { return nil }
                return .failure(.timeout)
            }
            var outcome: Result<LLMResponse, LLMProviderError> = .failure(.cancelled)
            while let next = await group.next() {
                guard let next else { continue }
                outcome = next
                break
            }
            group.cancelAll()
            return outcome
        }
        return try result.get()
    }
}
