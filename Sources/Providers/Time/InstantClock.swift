import Foundation

/// A clock whose sleeps return at once, moving `now` forward to the deadline: for tests and dry runs that
/// must not wait but still want the waits accounted (`totalSlept`).
///
/// Invariants: `now` never goes backwards (concurrent sleepers move it to the latest deadline asked for);
/// a cancelled task's sleep throws `CancellationError` and does not move time; thread-safe.
public final class InstantClock: RuntimeClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Duration
    private var slept: Duration = .zero

    public init(now: Duration = .zero) { current = now }

    public var now: Duration { lock.withLock { current } }

    /// The sum of every wait requested so far.
    public var totalSlept: Duration { lock.withLock { slept } }

    public func sleep(until deadline: Duration) async throws {
        try Task.checkCancellation()
        lock.withLock {
            if deadline > current {
                slept += deadline - current
                current = deadline
            }
        }
        await Task.yield()
    }
}
