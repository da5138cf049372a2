import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exclusive right to write a run directory: a non-blocking `flock` on `<run>/.lock`.
///
/// Invariants: at most one open `RunLock` exists per run directory across all processes (a second
/// `acquire`, even in the same process, fails with `heldByAnotherProcess` naming the holder's PID, which
/// the holder writes into the lock file); the lock is released by `release()`, by `deinit`, or by the
/// kernel when the process dies, even by SIGKILL, so a crashed run can always be resumed.
public final class RunLock: @unchecked Sendable {
    public let path: String
    private let mutex = NSLock()
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { release() }

    /// Takes the lock of `runDirectory` or fails at once.
    public static func acquire(runDirectory: String,
                               pid: Int32 = ProcessInfo.processInfo.processIdentifier) throws(RunLockError) -> RunLock {
        let path = RunPaths(root: runDirectory).lock
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            posixClose(fd)
            guard code == EWOULDBLOCK || code == EAGAIN else {
                throw .cannotOpen(path: path, reason: String(cString: strerror(code)))
            }
            throw .heldByAnotherProcess(runDirectory: runDirectory, pid: holderPID(path: path))
        }
        let text = Array("\(pid)\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, text.count, 0) }
        return RunLock(path: path, fd: fd)
    }

    /// The PID written in the lock file, if it holds one.
    public static func holderPID(path: String) -> Int32? {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    public var isHeld: Bool { mutex.withLock { fd >= 0 } }

    /// Releases the lock (idempotent). The file stays; its content is stale until the next holder writes.
    public func release() {
        mutex.withLock {
            guard fd >= 0 else { return }
            _ = flock(fd, LOCK_UN)
            posixClose(fd)
            fd = -1
        }
    }
}

/// Why a run directory could not be locked.
///
/// Invariant: `heldByAnotherProcess` carries the holder's PID when the lock file names one.
public enum RunLockError: Error, Sendable, Equatable, CustomStringConvertible {
    case heldByAnotherProcess(runDirectory: String, pid: Int32?)
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case .heldByAnotherProcess(let directory, let pid):
            let holder = pid.map { "process \($0)" } ?? "another process"
            return "run '\(directory)' is in use by \(holder); wait for it to finish or stop it first"
        case .cannotOpen(let path, let reason):
            return "cannot lock '\(path)': \(reason)"
        }
    }
}
