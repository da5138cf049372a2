import Foundation

/// Reads a file line by line in bounded memory: one read buffer plus the longest line.
///
/// Invariants: lines are yielded in file order without their `\n` (a trailing `\r` is kept; JSON treats it
/// as whitespace); a last line without a newline is still yielded; memory does not grow with file size.
/// Bytes go from `read(2)` straight into the buffer (no intermediate `Data`).
public final class LineReader {
    private let descriptor: Int32
    private let chunkSize: Int
    private var buffer: [UInt8]
    /// Valid bytes are `buffer[start..<end]`.
    private var start = 0
    private var end = 0
    private var atEnd = false
    /// 1-based number of the line most recently yielded.
    public private(set) var lineNumber = 0

    public init(path: String, chunkSize: Int = 1 << 20) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FileError.cannotOpen(path: path) }
        descriptor = fd
        self.chunkSize = max(1024, chunkSize)
        buffer = [UInt8](repeating: 0, count: self.chunkSize)
    }

    deinit { close(descriptor) }

    /// Calls `body` with each line's bytes (valid only during the call).
    public func forEachLine(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        while true {
            let consumed = try buffer.withUnsafeBufferPointer { all -> Int in
                guard let base = all.baseAddress else { return start }
                var cursor = start
                while cursor < end, let hit = memchr(base + cursor, 0x0A, end - cursor) {
                    let newline = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    lineNumber += 1
                    try body(UnsafeBufferPointer(start: base + cursor, count: newline - cursor))
                    cursor = newline + 1
                }
                if atEnd, cursor < end {
                    lineNumber += 1
                    try body(UnsafeBufferPointer(start: base + cursor, count: end - cursor))
                    cursor = end
                }
                return cursor
            }
            start = consumed
            if atEnd { return }
            try refill()
        }
    }

    /// Moves the unread tail to the front (growing the buffer for a line longer than it) and reads more.
    private func refill() throws {
        if start > 0 {
            let tail = end - start
            if tail > 0 {
                buffer.withUnsafeMutableBufferPointer { all in
                    guard let base = all.baseAddress else { return }
                    memmove(base, base + start, tail)
                }
            }
            start = 0
            end = tail
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let count = buffer.count
        let filled = end
        let got = buffer.withUnsafeMutableBufferPointer { all -> Int in
            guard let base = all.baseAddress else { return 0 }
            while true {
                let n = read(descriptor, base + filled, count - filled)
                if n < 0, errno == EINTR { continue }
                return n
            }
        }
        if got < 0 { throw FileError.cannotRead(reason: String(cString: strerror(errno))) }
        if got == 0 { atEnd = true } else { end += got }
    }
}

/// File-system failures with the path they concern.
public enum FileError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String)
    case cannotRead(reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path): return "cannot open \(path)"
        case .cannotRead(let reason): return "cannot read: \(reason)"
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}
