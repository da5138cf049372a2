import Providers
import Testing

@Suite struct RetryPolicyTests {
    @Test func retriesOnlyRetryableErrorsWithinTheBudget() {
        let policy = RetryPolicy(maxAttempts: 3, jitter: 0)
        #expect(policy.decision(after: .transient("503"), attempt: 0, key: "u") == .retry(after: .seconds(1)))
        #expect(policy.decision(after: .timeout, attempt: 1, key: "u") == .retry(after: .seconds(2)))
        #expect(policy.decision(after: .timeout, attempt: 2, key: "u") == .giveUp)
        #expect(policy.decision(after: .fatal("401"), attempt: 0, key: "u") == .giveUp)
        #expect(policy.decision(after: .invalidRequest("400"), attempt: 0, key: "u") == .giveUp)
        #expect(policy.decision(after: .cancelled, attempt: 0, key: "u") == .giveUp)
    }

    @Test func honoursRetryAfterUpToItsCap() {
        let policy = RetryPolicy(maxAttempts: 5)
        #expect(policy.decision(after: .rateLimited(retryAfter: .seconds(7)), attempt: 0, key: "u") == .retry(after: .seconds(7)))
        #expect(policy.decision(after: .rateLimited(retryAfter: .seconds(600)), attempt: 0, key: "u") == .giveUp)
        guard case .retry(let wait) = policy.decision(after: .rateLimited(retryAfter: nil), attempt: 0, key: "u") else {
            Issue.record("429 without Retry-After must back off"); return
        }
        #expect(wait > .milliseconds(749) && wait <= .seconds(1))
    }

    @Test func backoffGrowsIsCappedAndJitterIsDeterministic() {
        let plain = RetryPolicy(maxAttempts: 10, initialDelay: .milliseconds(500), multiplier: 2, maxDelay: .seconds(8), jitter: 0)
        #expect((0..<6).map { plain.backoff(attempt: $0, key: "u") }
            == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8)])
        let jittered = RetryPolicy(maxAttempts: 10, initialDelay: .seconds(4), jitter: 0.25, seed: 9)
        let waits = (0..<50).map { jittered.backoff(attempt: 0, key: "unit-\($0)") }
        #expect(waits.allSatisfy { $0 >= .seconds(3) && $0 <= .seconds(4) })
        #expect(Set(waits).count > 40)
        #expect(waits == (0..<50).map { jittered.backoff(attempt: 0, key: "unit-\($0)") })
    }

    @Test func runRetriesUntilSuccessWaitingOnTheClock() async throws {
        let clock = RecordingClock()
        let policy = RetryPolicy(maxAttempts: 4, initialDelay: .seconds(1), jitter: 0)
        let recorder = Recorder()
        let result = try await policy.run(key: "u1", clock: clock, onRetry: { error, attempt, wait in
            await recorder.record("\(error.kind)#\(attempt) \(wait)")
        }) { attempt throws(LLMProviderError) -> Int in
            switch attempt {
            case 0: throw .transient("503")
            case 1: throw .rateLimited(retryAfter: .seconds(5))
            default: return attempt * 10
            }
        }
        #expect(result == 20)
        #expect(clock.sleeps == [.seconds(1), .seconds(5)])
        #expect(await recorder.events == ["API_ERROR#0 1.0 seconds", "RATE_LIMIT#1 5.0 seconds"])
    }

    @Test func runStopsAtAFatalErrorAndAtTheBudget() async {
        let clock = RecordingClock()
        let policy = RetryPolicy(maxAttempts: 3, jitter: 0)
        await #expect(throws: LLMProviderError.fatal("401")) {
            try await policy.run(key: "u", clock: clock) { _ throws(LLMProviderError) -> Int in throw .fatal("401") }
        }
        #expect(clock.sleeps.isEmpty)
        await #expect(throws: LLMProviderError.timeout) {
            try await policy.run(key: "u", clock: clock) { _ throws(LLMProviderError) -> Int in throw .timeout }
        }
        #expect(clock.sleeps == [.seconds(1), .seconds(2)])
    }
}
