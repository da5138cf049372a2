import Foundation

/// Reads a file line by line in bounded memory: one read buffer plus the longest line.
///
/// Invariants: lines are yielded in file order without their `\n` (a trailing `\r` is kept; JSON treats it
/// as whitespace); a last line without a newline is still yielded; memory does not grow with file size.
public final class LineReader {
    private let handle: FileHandle
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// 1-based number of the line most recently yielded.
    public private(set) var lineNumber = 0

    public init(path: String, chunkSize: Int = 1 << 20) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileError.cannotOpen(path: path)
        }
        self.handle = handle
        self.chunkSize = chunkSize
    }

    deinit { try? handle.close() }

    /// Calls `body` with each line's bytes (valid only during the call).
    public func forEachLine(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        while true {
            let consumed = try buffer.withUnsafeBufferPointer { all -> Bool in
                guard let base = all.baseAddress else { return false }
                var handled = false
                while start < all.count, let hit = memchr(base + start, 0x0A, all.count - start) {
                    let newline = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    lineNumber += 1
                    try body(UnsafeBufferPointer(start: base + start, count: newline - start))
                    start = newline + 1
                    handled = true
                }
                return handled
            }
            if consumed { continue }
            if atEnd {
                if start < buffer.count {
                    lineNumber += 1
                    try buffer.withUnsafeBufferPointer { all in
                        guard let base = all.baseAddress else { return }
                        try body(UnsafeBufferPointer(start: base + start, count: all.count - start))
                    }
                }
                buffer.removeAll()
                start = 0
                return
            }
            // Compact, then read more.
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            let data = try handle.read(upToCount: chunkSize) ?? Data()
            if data.isEmpty { atEnd = true } else { buffer.append(contentsOf: data) }
        }
    }
}

/// File-system failures with the path they concern.
public enum FileError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path): return "cannot open \(path)"
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}
