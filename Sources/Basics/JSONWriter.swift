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

    /// The layout reduced to what the hot loop needs: a space after separators, and the indent width (0: none).
    @inline(__always)
    private var spacing: (afterComma: Bool, afterColon: Bool, indent: Int) {
        switch layout {
        case .python: return (true, true, 0)
        case .compact: return (false, false, 0)
        case .indented(let width): return (false, true, width)
        }
    }

    /// `json.dumps(value)` exactly.
    public static func python(_ value: Value) -> String {
        JSONWriter().string(value)
    }

    public func string(_ value: Value) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON text of `value` to `out` (UTF-8).
    public func write(_ value: Value, into out: inout [UInt8]) {
        write(value, into: &out, depth: 0)
    }

    private func write(_ value: Value, into out: inout [UInt8], depth: Int) {
        switch value {
        case .null: out.append(contentsOf: Self.nullBytes)
        case .bool(let b): out.append(contentsOf: b ? Self.trueBytes : Self.falseBytes)
        case .int(let i): Self.appendInt(i, to: &out)
        case .double(let d): Self.appendDouble(d, to: &out)
        case .string(let s): Self.appendString(s, asciiOnly: asciiOnly, to: &out)
        case .array(let items), .tuple(let items), .set(let items):
            writeArray(items, into: &out, depth: depth)
        case .object(let object):
            writeObject(object, into: &out, depth: depth)
        }
    }

    private func writeArray(_ items: [Value], into out: inout [UInt8], depth: Int) {
        if items.isEmpty {
            out.append(UInt8(ascii: "[")); out.append(UInt8(ascii: "]"))
            return
        }
        let spacing = self.spacing
        out.append(UInt8(ascii: "["))
        var first = true
        for item in items {
            if !first {
                out.append(UInt8(ascii: ","))
                if spacing.afterComma { out.append(UInt8(ascii: " ")) }
            }
            first = false
            if spacing.indent > 0 { appendNewline(&out, width: spacing.indent, depth: depth + 1) }
            write(item, into: &out, depth: depth + 1)
        }
        if spacing.indent > 0 { appendNewline(&out, width: spacing.indent, depth: depth) }
        out.append(UInt8(ascii: "]"))
    }

    private func writeObject(_ object: ValueObject, into out: inout [UInt8], depth: Int) {
        if object.isEmpty {
            out.append(UInt8(ascii: "{")); out.append(UInt8(ascii: "}"))
            return
        }
        let spacing = self.spacing
        out.append(UInt8(ascii: "{"))
        let keys = object.keys, values = object.values
        var order = Array(keys.indices)
        if sortKeys {
            order.sort { keys[$0].unicodeScalars.lexicographicallyPrecedes(keys[$1].unicodeScalars) }
        }
        var first = true
        for i in order {
            if !first {
                out.append(UInt8(ascii: ","))
                if spacing.afterComma { out.append(UInt8(ascii: " ")) }
            }
            first = false
            if spacing.indent > 0 { appendNewline(&out, width: spacing.indent, depth: depth + 1) }
            Self.appendString(keys[i], asciiOnly: asciiOnly, to: &out)
            out.append(UInt8(ascii: ":"))
            if spacing.afterColon { out.append(UInt8(ascii: " ")) }
            write(values[i], into: &out, depth: depth + 1)
        }
        if spacing.indent > 0 { appendNewline(&out, width: spacing.indent, depth: depth) }
        out.append(UInt8(ascii: "}"))
    }

    @inline(__always)
    private func appendNewline(_ out: inout [UInt8], width: Int, depth: Int) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width * depth))
    }

    private static let nullBytes = Array("null".utf8)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func appendInt(_ value: Int, to out: inout [UInt8]) {
        if value >= 0 && value < 10 {
            out.append(UInt8(truncatingIfNeeded: value) &+ UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        var digits = 0
        var rest = magnitude
        repeat {
            digits += 1
            rest /= 10
        } while rest > 0
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let start = out.count
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        out.withUnsafeMutableBufferPointer { buffer in
            var i = start + digits - 1
            repeat {
                buffer[i] = UInt8(truncatingIfNeeded: magnitude % 10) &+ UInt8(ascii: "0")
                magnitude /= 10
                i -= 1
            } while magnitude > 0
        }
    }

    /// Python's `float.__repr__` (shortest round-trip digits, exponent form below 1e-4 and from 1e16),
    /// with JSON's names for the non-finite values.
    static func appendDouble(_ value: Double, to out: inout [UInt8]) {
        out.append(contentsOf: PythonFloat.repr(value, json: true).utf8)
    }

    static func appendString(_ string: String, asciiOnly: Bool, to out: inout [UInt8]) {
        var string = string
        string.withUTF8 { utf8 in
            out.append(UInt8(ascii: "\""))
            var plain = true
            for byte in utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte >= 0x7F {
                plain = false
                break
            }
            if plain {
                out.append(contentsOf: utf8)
            } else {
                appendEscaped(utf8, asciiOnly: asciiOnly, to: &out)
            }
            out.append(UInt8(ascii: "\""))
        }
    }

    private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, asciiOnly: Bool, to out: inout [UInt8]) {
        for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0x08: out.append(0x5C); out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(0x5C); out.append(UInt8(ascii: "f"))
            case 0x20..<0x7F: out.append(UInt8(v))
            default:
                if v < 0x20 || asciiOnly {
                    if v >= 0x10000 {
                        let u = v - 0x10000
                        appendEscape(0xD800 | (u >> 10), to: &out)
                        appendEscape(0xDC00 | (u & 0x3FF), to: &out)
                    } else {
                        appendEscape(v, to: &out)
                    }
                } else {
                    out.append(contentsOf: String(scalar).utf8)
                }
            }
        }
    }

    @inline(__always)
    private static func appendEscape(_ unit: UInt32, to out: inout [UInt8]) {
        out.append(0x5C)
        out.append(UInt8(ascii: "u"))
        out.append(hexDigits[Int((unit >> 12) & 0xF)])
        out.append(hexDigits[Int((unit >> 8) & 0xF)])
        out.append(hexDigits[Int((unit >> 4) & 0xF)])
        out.append(hexDigits[Int(unit & 0xF)])
    }
}

extension Value {
    /// `json.dumps(self)`, byte for byte.
    public var pythonJSON: String { JSONWriter.python(self) }
}
