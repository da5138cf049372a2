import Basics
import Foundation
import Providers

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `octobatch cancel`: stops the process driving a run, cancels the run's batch jobs in flight and marks
/// the run paused; every unsettled unit stays resumable with `run RUN`.
///
/// Invariants: the driver is asked to stop with SIGTERM (it pauses cleanly, as on Ctrl-C) and never killed;
/// this process never signals itself; chunk states and the manifest are written only once the run's lock is
/// taken, so nothing races the driver; a batch handle is dropped from its chunk state only when the provider
/// cancelled it or does not know it (so a resume resubmits those units), otherwise it is kept for the resume
/// to poll — the same requests are never paid for twice; a completed run stays complete.
public enum RunCanceller {
    public struct Summary: Sendable, Equatable {
        /// The PID that was asked to stop, if one drove the run.
        public var signalled: Int32?
        /// False when the driver still held the lock after the wait: nothing else was changed.
        public var stopped: Bool
        public var batchesCancelled = 0
        /// Batches the provider did not know (e.g. a mock batch of another process): dropped.
        public var batchesDropped = 0
        /// Batches whose cancellation failed: kept in the chunk state for the resume to poll.
        public var batchesKept: [String] = []
        /// The run had already completed: it was left as it is.
        public var alreadyComplete = false
    }

    /// - Parameters:
    ///   - signal: sends SIGTERM to a PID (injected by tests); true when the signal was delivered.
    ///   - cancelBatch: cancels one batch job with its provider.
    public static func cancel(store: RunStore, wait: Duration = .seconds(5),
                              signal: @Sendable (Int32) -> Bool = { kill($0, SIGTERM) == 0 },
                              cancelBatch: @Sendable (BatchHandle) async throws -> Void) async throws -> Summary {
        var summary = Summary(signalled: nil, stopped: true)
        let lock: RunLock
        do {
            lock = try store.lock()
        } catch RunLockError.heldByAnotherProcess(_, let pid) {
            guard let pid, pid > 0, pid != ProcessInfo.processInfo.processIdentifier, signal(pid) else {
                throw RunLockError.heldByAnotherProcess(runDirectory: store.paths.root, pid: pid)
            }
            summary.signalled = pid
            guard let taken = try await waitForLock(store, wait: wait) else {
                summary.stopped = false
                return summary
            }
            lock = taken
        }
        defer { lock.release() }
        for chunk in try store.chunkNames() {
            var state = try store.readState(chunk)
            var changed = false
            for step in state.stepNames {
                guard let handle = state[step].batch else { continue }
                do {
                    try await cancelBatch(handle)
                    summary.batchesCancelled += 1
                } catch LLMProviderError.invalidRequest {
                    summary.batchesDropped += 1
                } catch {
                    summary.batchesKept.append(handle.id)
                    continue
                }
                state[step].batch = nil
                changed = true
            }
            if changed { try store.writeState(state) }
        }
        var manifest = try store.rebuildManifest(from: try store.readManifest())
        if manifest.status == .complete, try allChunksDone(store) {
            summary.alreadyComplete = true
            return summary
        }
        manifest.status = .paused
        manifest.pausedAt = manifest.updated
        manifest.metadata.pid = nil
        try store.writeManifest(manifest)
        return summary
    }

    static func allChunksDone(_ store: RunStore) throws -> Bool {
        try store.chunkNames().allSatisfy { try store.readState($0).isDone }
    }

    /// Polls the lock every 100 ms until it is free (taken) or `wait` has passed (nil).
    static func waitForLock(_ store: RunStore, wait: Duration) async throws -> RunLock? {
        let deadline = ContinuousClock.now + wait
        while true {
            if let lock = try? store.lock() { return lock }
            if ContinuousClock.now >= deadline { return nil }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}
