/// A counting semaphore for tasks: at most `width` holders at once, waiters served in FIFO order.
///
/// Invariants: `acquire` suspends without blocking a thread; a cancelled waiter leaves the queue and throws
/// `CancellationError`; every successful `acquire` must be paired with one `release`.
public actor AsyncGate {
    private var available: Int
    private var waiters: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextID = 0

    public init(width: Int) { available = max(1, width) }

    public func acquire() async throws {
        try Task.checkCancellation()
        if available > 0, waiters.isEmpty {
            available -= 1
            return
        }
        let id = nextID
        nextID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                waiters.append((id, continuation))
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    public func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().continuation.resume()
        }
    }

    private func cancelWaiter(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }

    /// Runs `body` while holding one place.
    public func withPlace<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await acquire()
        do {
            let result = try await body()
            release()
            return result
        } catch {
            release()
            throw error
        }
    }
}
