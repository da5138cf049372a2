import Basics
import Providers
import Testing

/// A provider that fails the first tries of each call as scripted, then answers.
struct ScriptedProvider: LLMProvider {
    var name = "scripted"
    var failures: [LLMProviderError]

    func complete(_ request: LLMRequest) async throws(LLMProviderError) -> LLMResponse {
        let n = request.attempt % 10
        if n < failures.count { throw failures[n] }
        return LLMResponse(text: "{}", usage: TokenUsage(inputTokens: 40, outputTokens: 10), model: request.model)
    }
    func submitBatch(_ requests: [LLMRequest]) async throws(LLMProviderError) -> BatchHandle { throw .invalidRequest("no") }
    func pollBatch(_ handle: BatchHandle) async throws(LLMProviderError) -> BatchStatus { throw .invalidRequest("no") }
    func collectBatch(_ handle: BatchHandle) async throws(LLMProviderError) -> [BatchItemResult] { throw .invalidRequest("no") }
    func cancelBatch(_ handle: BatchHandle) async throws(LLMProviderError) { throw .invalidRequest("no") }
}

actor TryLog {
    private(set) var tries: [RealtimeCaller.Try] = []
    func add(_ t: RealtimeCaller.Try) { tries.append(t) }
}

@Suite struct RealtimeCallerTests {
    static let request = LLMRequest(unitID: "u1", step: "s", provider: "scripted", model: "m", prompt: "p", attempt: 1)

    @Test func retriesWithUniqueAttemptNumbersAndHonoursRetryAfter() async throws {
        let clock = InstantClock()
        let limiter = TokenBucketLimiter(requestsPerMinute: nil, tokensPerMinute: 1000, clock: clock)
        let provider = ScriptedProvider(failures: [.transient("503"), .rateLimited(retryAfter: .seconds(7))])
        let caller = RealtimeCaller(provider: provider, limiter: limiter, retry: RetryPolicy(maxAttempts: 10, jitter: 0), clock: clock)
        let log = TryLog()
        let response = try await caller.call(Self.request, estimatedTokens: 100) { await log.add($0) }
        #expect(response.usage.inputTokens == 40)
        let tries = await log.tries
        #expect(tries.map(\.request.attempt) == [10, 11, 12])   // unit attempt 1 × 10 attempts + n
        #expect(tries.map(\.retryAfter) == [.seconds(1), .seconds(7), nil])
        #expect(clock.totalSlept == .seconds(8))
    }

    @Test func stopsAtAFatalErrorAndReportsIt() async {
        let caller = RealtimeCaller(provider: ScriptedProvider(failures: [.fatal("HTTP 401: bad key")]), limiter: nil,
                                    retry: RetryPolicy(), clock: InstantClock())
        let log = TryLog()
        await #expect(throws: LLMProviderError.fatal("HTTP 401: bad key")) {
            var first = Self.request
            first.attempt = 0
            return try await caller.call(first, estimatedTokens: 0) { await log.add($0) }
        }
        #expect(await log.tries.count == 1)
    }

    @Test func mockFailuresMostlyRecoverWithinTheBudget() async throws {
        let clock = InstantClock()
        let mock = MockProvider(settings: MockProviderSettings(failureRate: 0.3), seed: 5, clock: clock) { _ in ["ok": true] }
        let caller = RealtimeCaller(provider: mock, limiter: nil, retry: RetryPolicy(maxAttempts: 5), clock: clock)
        var failed = 0
        for i in 0..<200 {
            let request = LLMRequest(unitID: "u\(i)", step: "s", provider: "mock", model: "mock-1", prompt: "p")
            do { _ = try await caller.call(request, estimatedTokens: 10) } catch { failed += 1 }
        }
        #expect(failed < 5)   // 0.3^5 ≈ 0.24 % per unit
    }
}
