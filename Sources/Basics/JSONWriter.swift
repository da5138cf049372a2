/// Writes `Value`s as JSON text.
///
/// The default style is byte-identical to Python's `json.dumps(obj)`: `", "` and `": "` separators, every
/// non-ASCII character escaped as `\uXXXX` (lowercase hex, surrogate pairs above the BMP), floats as Python's
/// `repr` prints them (`1.0`, `1e-05`, `1e+16`), `NaN`/`Infinity`/`-Infinity`, key order kept. Tuples and sets
/// are written as arrays. The writer never fails: every `Value` has a text.
public struct JSONWriter: Sendable {
    /// Layout of the output.
    public enum Layout: Sendable, Equatable {
        /// `json.dumps(obj)`: `", "` and `": "`.
        case python
        /// `json.dumps(obj, separators=(",", ":"))`.
        case compact
        /// `json.dumps(obj, indent=n)`: newlines and `n` spaces per level, `","` and `": "`.
        case indented(Int)
    }

    public var layout: Layout
    /// Escape every non-ASCII character (`ensure_ascii=True`, Python's default).
    public var asciiOnly: Bool
    /// Sort object keys by code point (`sort_keys=True`).
    public var sortKeys: Bool

    public init(layout: Layout = .python, asciiOnly: Bool = true, sortKeys: Bool = false) {
        self.layout = layout
        self.asciiOnly = asciiOnly
        self.sortKeys = sortKeys
    }

    /// `json.dumps(value)` exactly.
    public static func python(_ value: Value) -> String {
        JSONWriter().string(value)
    }

    public func string(_ value: Value) -> String {
        var out: [UInt8] = []
        write(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON text of `value` to `out` (UTF-8).
    public func write(_ value: Value, into out: inout [UInt8]) {
        // Text is built in a private buffer (on the stack while it fits) and appended to `out` in one copy:
        // appending byte by byte to an `Array` costs a uniqueness and capacity check per byte.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: JSONByteBuffer.stackCapacity) { stack in
            var buffer = JSONByteBuffer(stack: stack)
            let emitter = JSONEmitter(
                afterComma: layout == .python, afterColon: layout != .compact, indent: indentWidth,
                asciiOnly: asciiOnly, sortKeys: sortKeys)
            emitter.write(value, into: &buffer, depth: 0)
            out.append(contentsOf: buffer.written)
            buffer.release()
        }
    }

    private var indentWidth: Int {
        if case .indented(let width) = layout { return width }
        return 0
    }
}

extension Value {
    /// `json.dumps(self)`, byte for byte.
    public var pythonJSON: String { JSONWriter.python(self) }
}
