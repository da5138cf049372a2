import Basics

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends JSON Lines records to a file with a write buffer, so that a crash loses at most the unflushed
/// tail and never leaves a half line behind for the next process.
///
/// Invariants:
/// - Records are written as `JSONWriter.python(record) + "\n"`, whole lines only, in call order.
/// - Bytes reach the file at `flush()` (or when the buffer exceeds its capacity) and the disk at `sync()`.
/// - Opening repairs a torn tail: a last line without `"\n"` (left by a crash mid-write) is truncated
///   away, so every line in the file is complete (`repairedBytes` says how much was removed).
/// - Not thread-safe: one owner (the store actor, or a log that locks around it).
public final class JSONLAppender {
    public let path: String
    /// Bytes removed from a torn tail when the file was opened.
    public let repairedBytes: Int
    private let capacity: Int
    private var buffer: [UInt8] = []
    private var fd: Int32

    public init(path: String, bufferCapacity: Int = 64 * 1024) throws(RunStoreError) {
        self.path = path
        capacity = bufferCapacity
        fd = open(path, O_RDWR | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw .posix(path, "open for appending", errno) }
        do throws(RunStoreError) {
            repairedBytes = try Self.truncateTornTail(fd: fd, path: path)
        } catch {
            posixClose(fd)
            throw error
        }
        buffer.reserveCapacity(min(bufferCapacity, 1 << 20) + 1024)
    }

    deinit {
        if fd >= 0 {
            try? flush()
            posixClose(fd)
        }
    }

    /// Buffers one record.
    public func append(_ record: Value) throws(RunStoreError) {
        JSONWriter().write(record, into: &buffer)
        buffer.append(0x0A)
        if buffer.count >= capacity { try flush() }
    }

    /// Buffers one line of text (a `"\n"` is added; the text must not contain one).
    public func append(line: String) throws(RunStoreError) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= capacity { try flush() }
    }

    /// Writes the buffered lines to the file.
    public func flush() throws(RunStoreError) {
        guard !buffer.isEmpty else { return }
        guard fd >= 0 else { throw .io(path: path, operation: "append to", reason: "the file is closed") }
        try AtomicFile.writeAll(fd, buffer, path: path)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, then fsyncs: the lines are on disk when this returns.
    public func sync() throws(RunStoreError) {
        try flush()
        guard fsync(fd) == 0 else { throw .posix(path, "fsync", errno) }
    }

    /// Flushes and closes; later appends fail.
    public func close() throws(RunStoreError) {
        guard fd >= 0 else { return }
        defer {
            posixClose(fd)
            fd = -1
        }
        try flush()
    }

    /// Truncates a torn last line of the file at `path`; returns the number of bytes removed (0 when the
    /// file is missing, empty or ends with a newline).
    @discardableResult
    public static func repairTornTail(path: String) throws(RunStoreError) -> Int {
        let fd = open(path, O_RDWR)
        guard fd >= 0 else {
            if errno == ENOENT { return 0 }
            throw .posix(path, "open", errno)
        }
        defer { posixClose(fd) }
        return try truncateTornTail(fd: fd, path: path)
    }

    static func truncateTornTail(fd: Int32, path: String) throws(RunStoreError) -> Int {
        let size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return 0 }
        var block = [UInt8](repeating: 0, count: 64 * 1024)
        var end = size
        while end > 0 {
            let start = max(0, end - off_t(block.count))
            let count = Int(end - start)
            let read = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, start) }
            guard read == count else { throw .posix(path, "read", errno) }
            if end == size, block[count - 1] == 0x0A { return 0 }
            if let newline = block[0..<count].lastIndex(of: 0x0A) {
                return try truncate(fd: fd, path: path, to: start + off_t(newline) + 1, from: size)
            }
            end = start
        }
        return try truncate(fd: fd, path: path, to: 0, from: size)
    }

    private static func truncate(fd: Int32, path: String, to length: off_t, from size: off_t) throws(RunStoreError) -> Int {
        guard ftruncate(fd, length) == 0 else { throw .posix(path, "truncate a torn last line of", errno) }
        _ = fsync(fd)
        return Int(size - length)
    }
}
