import Foundation

/// A mutex around `NSLock` with a closure API (keeps `NameTable` safe to share between compilers).
final class NSLockish: @unchecked Sendable {
    private let lock = NSLock()

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
