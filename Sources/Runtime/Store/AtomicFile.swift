#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file writes that a crash cannot tear: write a temporary file next to the target, fsync it,
/// rename it over the target, fsync the directory.
///
/// Invariant: after `write` returns, the target holds exactly the new bytes, durably; if the process dies
/// during `write`, the target holds exactly the old bytes (a stray `*.tmp` may remain and is harmless).
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(RunStoreError) {
        try write(Array(text.utf8), to: path)
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(RunStoreError) {
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .posix(temporary, "create", errno) }
        do throws(RunStoreError) {
            try writeAll(fd, bytes, path: temporary)
            guard fsync(fd) == 0 else { throw .posix(temporary, "fsync", errno) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .posix(path, "rename into place", code)
        }
        syncDirectory(of: path)
    }

    /// Writes every byte, retrying short writes and EINTR.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(RunStoreError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return posixWrite(fd, base + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .posix(path, "write", errno)
            }
            offset += written
        }
    }

    /// fsync of the directory holding `path`, so a rename survives power loss (best effort).
    static func syncDirectory(of path: String) {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}

/// `write(2)`, named so it cannot be confused with methods called `write`.
@inline(__always)
func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}

/// `close(2)`, callable from types that have a `close()` method.
@inline(__always)
func posixClose(_ fd: Int32) {
    _ = close(fd)
}
