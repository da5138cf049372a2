/// The time source of everything that waits: latency simulation, rate limiting, backoff, batch polling.
///
/// Invariants: `now` is monotonic (never goes backwards) and measured from an arbitrary origin fixed when
/// the clock is made; `sleep(until:)` returns once `now >= deadline` and throws `CancellationError` when
/// the calling task is cancelled. Production code uses `ContinuousRuntimeClock`; tests inject a
/// `ManualClock` so that nothing really sleeps.
public protocol RuntimeClock: Sendable {
    var now: Duration { get }
    func sleep(until deadline: Duration) async throws
}

extension RuntimeClock {
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: now + duration)
    }
}

/// The real clock: `ContinuousClock` time since the clock was made.
///
/// Invariant: `now` starts near zero and follows `ContinuousClock` (it keeps counting during system sleep).
public struct ContinuousRuntimeClock: RuntimeClock {
    private let origin: ContinuousClock.Instant

    public init() { origin = ContinuousClock.now }

    public var now: Duration { ContinuousClock.now - origin }

    public func sleep(until deadline: Duration) async throws {
        try await ContinuousClock().sleep(until: origin + deadline, tolerance: nil)
    }
}
