import Providers
import Testing

@Suite struct TokenBucketLimiterTests {
    @Test func requestsPerMinuteRefillContinuously() async throws {
        let clock = ManualClock()
        let limiter = TokenBucketLimiter(requestsPerMinute: 2, tokensPerMinute: nil, clock: clock)
        try await limiter.acquire()
        try await limiter.acquire()
        let third = Task { try await limiter.acquire() }
        await clock.waitForSleepers(1)
        let deadline = try #require(clock.nextDeadline)
        #expect(deadline > .seconds(30) && deadline < .milliseconds(30_001))   // one request per 30 s
        clock.advance(by: .seconds(29))
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .seconds(2))
        try await third.value
        #expect(clock.sleeperCount == 0)
    }

    @Test func tokensPerMinuteAndOversizedRequests() async throws {
        let clock = ManualClock()
        let limiter = TokenBucketLimiter(requestsPerMinute: nil, tokensPerMinute: 600, clock: clock)
        try await limiter.acquire(tokens: 500)
        let next = Task { try await limiter.acquire(tokens: 5000) }   // capped at the 600 capacity
        await clock.waitForSleepers(1)
        let deadline = try #require(clock.nextDeadline)
        #expect(deadline > .seconds(50) && deadline < .milliseconds(50_001))   // 500 missing at 10 tokens/s
        clock.advance(to: deadline)
        try await next.value
    }

    @Test func servesCallersInArrivalOrder() async throws {
        let clock = ManualClock()
        let limiter = TokenBucketLimiter(requestsPerMinute: nil, tokensPerMinute: 60, clock: clock)
        let recorder = Recorder()
        try await limiter.acquire(tokens: 50)
        let big = Task { try await limiter.acquire(tokens: 30); await recorder.record("big") }
        await clock.waitForSleepers(1)
        let small = Task { try await limiter.acquire(tokens: 1); await recorder.record("small") }
        #expect(await eventually { await limiter.waitingCount == 1 })
        #expect(await recorder.events.isEmpty)   // small would fit (10 left) but waits behind big
        clock.advance(by: .seconds(21))   // big's 20 missing tokens, then small's 1
        try await big.value
        try await small.value
        #expect(await recorder.events == ["big", "small"])
    }

    @Test func cancelledWaitersLeaveWithoutTakingAnything() async throws {
        let clock = ManualClock()
        let limiter = TokenBucketLimiter(requestsPerMinute: 1, tokensPerMinute: nil, clock: clock)
        try await limiter.acquire()
        let head = Task { try await limiter.acquire() }
        await clock.waitForSleepers(1)
        let queued = Task { try await limiter.acquire() }
        #expect(await eventually { await limiter.waitingCount == 1 })
        queued.cancel()
        await #expect(throws: CancellationError.self) { try await queued.value }
        #expect(await limiter.waitingCount == 0)
        head.cancel()
        await #expect(throws: CancellationError.self) { try await head.value }
        // The head's cancellation freed the turn and took nothing: after the refill a caller passes.
        clock.advance(by: .seconds(60))
        try await limiter.acquire()
        let after = Task { try await limiter.acquire() }
        await clock.waitForSleepers(1)
        after.cancel()
        await #expect(throws: CancellationError.self) { try await after.value }
    }

    @Test func pauseHoldsEveryGrant() async throws {
        let clock = ManualClock()
        let limiter = TokenBucketLimiter(requestsPerMinute: 1000, tokensPerMinute: nil, clock: clock)
        await limiter.pause(for: .seconds(5))
        let waiting = Task { try await limiter.acquire() }
        await clock.waitForSleepers(1)
        #expect(clock.nextDeadline == .seconds(5))
        clock.advance(by: .seconds(5))
        try await waiting.value
    }

    @Test func unlimitedNeverWaits() async throws {
        let clock = ManualClock()
        let limiter = TokenBucketLimiter(requestsPerMinute: nil, tokensPerMinute: 0, clock: clock)
        for _ in 0..<100 { try await limiter.acquire(tokens: 1_000_000) }
        #expect(clock.sleeperCount == 0)
    }
}

@Suite struct InstantClockTests {
    @Test func sleepsReturnAtOnceAndAccountTheWait() async throws {
        let clock = InstantClock()
        let limiter = TokenBucketLimiter(requestsPerMinute: 60, tokensPerMinute: nil, clock: clock)
        for _ in 0..<70 { try await limiter.acquire() }
        // 60 from the full bucket, then 10 more at one per second.
        #expect(clock.now >= .seconds(10) && clock.now < .milliseconds(10_010))
        #expect(clock.totalSlept == clock.now)
    }
}
