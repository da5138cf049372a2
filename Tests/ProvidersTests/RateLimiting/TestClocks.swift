import Foundation
import Providers

/// A clock whose sleeps return at once, moving time forward by the requested amount and recording it.
final class RecordingClock: RuntimeClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Duration = .zero
    private var recorded: [Duration] = []

    var now: Duration { lock.withLock { current } }
    var sleeps: [Duration] { lock.withLock { recorded } }

    func sleep(until deadline: Duration) async throws {
        try Task.checkCancellation()
        lock.withLock {
            recorded.append(max(.zero, deadline - current))
            current = max(current, deadline)
        }
    }
}

/// Yields (never sleeps) until `condition` holds or the yield budget runs out; returns whether it held.
@discardableResult
func eventually(_ condition: () async -> Bool, yields: Int = 100_000) async -> Bool {
    for _ in 0..<yields {
        if await condition() { return true }
        await Task.yield()
    }
    return await condition()
}

/// Records the order in which tasks finished.
actor Recorder {
    private(set) var events: [String] = []
    func record(_ event: String) { events.append(event) }
}
