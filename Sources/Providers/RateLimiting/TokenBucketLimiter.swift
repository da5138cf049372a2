/// Client-side rate limiting for one provider/model: a requests-per-minute bucket and a tokens-per-minute
/// bucket, refilled continuously, that every realtime call passes through before it is sent.
///
/// Invariants:
/// - Each bucket holds at most one minute's allowance and starts full; it refills at `limit / 60 s`.
/// - `acquire` returns only when both buckets can pay (1 request, `tokens` tokens) and takes the payment;
///   a cost above a bucket's capacity is capped at the capacity (it would otherwise never pass).
/// - Strict FIFO: callers are served in arrival order; a waiting head blocks later callers even if they
///   would fit (no starvation of large requests).
/// - Cancellation-aware: a cancelled waiter leaves the queue (or hands the head to the next) and throws
///   `CancellationError`; it takes nothing from the buckets.
/// - `pause(for:)` (a server's Retry-After) stops every grant until the pause ends.
/// - All waiting happens on the injected clock.
public actor TokenBucketLimiter {
    /// One dimension; `level` may go below zero after `charge`, never above `capacity`.
    private struct Bucket {
        let capacity: Double
        var level: Double
        var perSecond: Double { capacity / 60 }
    }

    /// A caller queued behind the head, resumed exactly once.
    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Void, any Error>
    }

    private let clock: any RuntimeClock
    private var requests: Bucket?
    private var tokens: Bucket?
    private var lastRefill: Duration
    private var pausedUntil: Duration = .zero
    private var queue: [Waiter] = []
    private var headBusy = false
    private var nextID = 0

    /// A nil or non-positive limit means "no limit" for that dimension.
    public init(requestsPerMinute: Int?, tokensPerMinute: Int?, clock: any RuntimeClock) {
        self.clock = clock
        requests = requestsPerMinute.flatMap { $0 > 0 ? Bucket(capacity: Double($0), level: Double($0)) : nil }
        tokens = tokensPerMinute.flatMap { $0 > 0 ? Bucket(capacity: Double($0), level: Double($0)) : nil }
        lastRefill = clock.now
    }

    /// Waits for one request slot and `tokens` tokens, in FIFO order.
    public func acquire(tokens cost: Int = 0) async throws {
        try Task.checkCancellation()
        if headBusy {
            try await waitForTurn()
        }
        headBusy = true
        defer { handOff() }
        try Task.checkCancellation()
        while true {
            refill()
            let now = clock.now
            let wait = max(pausedUntil - now, timeUntilAffordable(cost))
            if wait <= .zero {
                requests?.level -= 1
                if let capacity = tokens?.capacity { tokens?.level -= min(Double(max(cost, 0)), capacity) }
                return
            }
            try await clock.sleep(until: now + wait)
        }
    }

    /// Charges tokens learnt after the call (actual usage above the estimate); the bucket may go negative,
    /// which delays later callers. Negative values refund.
    public func charge(tokens extra: Int) {
        refill()
        guard let capacity = tokens?.capacity, let level = tokens?.level else { return }
        tokens?.level = min(capacity, level - Double(extra))
    }

    /// Stops all grants for `duration` (e.g. a 429's Retry-After), counted from now.
    public func pause(for duration: Duration) {
        pausedUntil = max(pausedUntil, clock.now + duration)
    }

    /// Callers waiting behind the head (for tests and progress displays).
    public var waitingCount: Int { queue.count }

    // MARK: Internals

    private func waitForTurn() async throws {
        nextID += 1
        let id = nextID
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    queue.append(Waiter(id: id, continuation: continuation))
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func cancelWaiter(_ id: Int) {
        guard let index = queue.firstIndex(where: { $0.id == id }) else { return }
        queue.remove(at: index).continuation.resume(throwing: CancellationError())
    }

    /// Passes the head to the next waiter (keeping `headBusy`), or frees it.
    private func handOff() {
        if queue.isEmpty {
            headBusy = false
        } else {
            queue.removeFirst().continuation.resume()
        }
    }

    private func refill() {
        let now = clock.now
        let elapsed = Self.seconds(now - lastRefill)
        lastRefill = now
        guard elapsed > 0 else { return }
        if let bucket = requests { requests?.level = min(bucket.capacity, bucket.level + elapsed * bucket.perSecond) }
        if let bucket = tokens { tokens?.level = min(bucket.capacity, bucket.level + elapsed * bucket.perSecond) }
    }

    private func timeUntilAffordable(_ cost: Int) -> Duration {
        var seconds = 0.0
        if let bucket = requests, bucket.level < 1 {
            seconds = max(seconds, (1 - bucket.level) / bucket.perSecond)
        }
        if let bucket = tokens {
            let need = min(Double(max(cost, 0)), bucket.capacity)
            if bucket.level < need { seconds = max(seconds, (need - bucket.level) / bucket.perSecond) }
        }
        // Round up to the microsecond so the refill after the sleep is always enough.
        return seconds > 0 ? .microseconds(Int64((seconds * 1_000_000).rounded(.up)) + 1) : .zero
    }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, atto) = duration.components
        return Double(whole) + Double(atto) / 1e18
    }
}
