import Foundation

/// A clock that moves only when told to: tests advance it and sleepers wake in deadline order, instantly.
///
/// Invariants: `now` changes only through `advance(by:)`/`advance(to:)`; a sleeper whose deadline is
/// `<= now` is resumed exactly once (by the advance, or immediately if already due); a cancelled sleeper is
/// removed and resumed with `CancellationError`. Thread-safe (one lock guards all state).
public final class ManualClock: RuntimeClock, @unchecked Sendable {
    /// A suspended `sleep`, resumed exactly once.
    private struct Sleeper {
        var deadline: Duration
        var continuation: CheckedContinuation<Void, any Error>
    }

    private let lock = NSLock()
    private var current: Duration
    private var sleepers: [Int: Sleeper] = [:]
    private var cancelledBeforeSleeping: Set<Int> = []
    private var nextID = 0

    public init(now: Duration = .zero) { current = now }

    public var now: Duration { lock.withLock { current } }

    /// How many tasks are sleeping on this clock (tests wait for this before advancing).
    public var sleeperCount: Int { lock.withLock { sleepers.count } }

    /// The earliest deadline of a sleeping task.
    public var nextDeadline: Duration? { lock.withLock { sleepers.values.map(\.deadline).min() } }

    public func sleep(until deadline: Duration) async throws {
        let id = lock.withLock { () -> Int in nextID += 1; return nextID }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let immediate: (any Error)?? = lock.withLock {
                    if cancelledBeforeSleeping.remove(id) != nil { return .some(CancellationError()) }
                    if deadline <= current { return .some(nil) }
                    sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return .none
                }
                switch immediate {
                case .some(.some(let error)): continuation.resume(throwing: error)
                case .some(.none): continuation.resume()
                case .none: break
                }
            }
        } onCancel: {
            let sleeper: Sleeper? = lock.withLock {
                if let sleeper = sleepers.removeValue(forKey: id) { return sleeper }
                cancelledBeforeSleeping.insert(id)
                return nil
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
        lock.withLock { _ = cancelledBeforeSleeping.remove(id) }
    }

    /// Moves time forward and wakes every sleeper that is now due, earliest first.
    public func advance(by duration: Duration) {
        advance(to: now + duration)
    }

    public func advance(to instant: Duration) {
        let due: [Sleeper] = lock.withLock {
            if instant > current { current = instant }
            let ready = sleepers.filter { $0.value.deadline <= current }.sorted { $0.value.deadline < $1.value.deadline }
            for (id, _) in ready { sleepers.removeValue(forKey: id) }
            return ready.map(\.value)
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Waits (by yielding, never sleeping) until at least `count` tasks sleep on this clock.
    public func waitForSleepers(_ count: Int = 1, maxYields: Int = 100_000) async {
        var yields = 0
        while sleeperCount < count, yields < maxYields {
            await Task.yield()
            yields += 1
        }
    }
}
