import Basics
import Foundation

/// Standard input as commands see it: read whole, or line by line in bounded memory.
public protocol InputSource: Sendable {
    /// Everything on the input.
    func readAll() throws -> String
    /// Calls `body` with each line (without its newline), in order.
    func forEachLine(_ body: (String) throws -> Void) throws
}

/// The process's standard input.
public struct StandardInputSource: InputSource {
    public init() {}

    public func readAll() throws -> String {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self)
    }

    public func forEachLine(_ body: (String) throws -> Void) throws {
        let reader = try LineReader(path: "/dev/stdin", chunkSize: 64 * 1024)
        try reader.forEachLine { bytes in
            var line = String(decoding: bytes, as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            try body(line)
        }
    }
}

/// A fixed text as input, for tests.
public struct StringInputSource: InputSource {
    public let text: String

    public init(_ text: String) { self.text = text }

    public func readAll() throws -> String { text }

    public func forEachLine(_ body: (String) throws -> Void) throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        for line in lines { try body(String(line)) }
    }
}
