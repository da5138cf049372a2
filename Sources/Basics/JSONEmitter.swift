/// One write of one value: the writer's settings reduced to what the hot loop needs.
///
/// Invariants: `indent` is 0 for the single-line layouts; the separators are `","` or `", "` and `":"` or
/// `": "` exactly as Python's `json.dumps` chooses them for the layout.
struct JSONEmitter {
    let afterComma: Bool
    let afterColon: Bool
    let indent: Int
    let asciiOnly: Bool
    let sortKeys: Bool

    func write(_ value: Value, into out: inout JSONByteBuffer, depth: Int) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): if b { out.append("true") } else { out.append("false") }
        case .int(let i): Self.appendInt(i, to: &out)
        case .double(let d): Self.appendDouble(d, to: &out)
        case .string(let s): Self.appendString(s, asciiOnly: asciiOnly, to: &out)
        case .array(let items), .tuple(let items), .set(let items):
            writeArray(items, into: &out, depth: depth)
        case .object(let object):
            writeObject(object, into: &out, depth: depth)
        }
    }

    @inline(__always)
    private func separator(_ out: inout JSONByteBuffer) {
        out.reserve(2)
        out.put(UInt8(ascii: ","))
        if afterComma { out.put(UInt8(ascii: " ")) }
    }

    private func writeArray(_ items: [Value], into out: inout JSONByteBuffer, depth: Int) {
        if items.isEmpty {
            out.append("[]")
            return
        }
        out.reserve(1)
        out.put(UInt8(ascii: "["))
        items.withUnsafeBufferPointer { items in
            for i in items.indices {
                if i != 0 { separator(&out) }
                if indent > 0 { newline(&out, depth: depth + 1) }
                write(items[i], into: &out, depth: depth + 1)
            }
        }
        if indent > 0 { newline(&out, depth: depth) }
        out.reserve(1)
        out.put(UInt8(ascii: "]"))
    }

    private func writeObject(_ object: ValueObject, into out: inout JSONByteBuffer, depth: Int) {
        if object.isEmpty {
            out.append("{}")
            return
        }
        out.reserve(1)
        out.put(UInt8(ascii: "{"))
        let keys = object.keys, values = object.values
        if sortKeys {
            var order = Array(keys.indices)
            order.sort { keys[$0].unicodeScalars.lexicographicallyPrecedes(keys[$1].unicodeScalars) }
            for (n, i) in order.enumerated() {
                member(keys[i], values[i], first: n == 0, into: &out, depth: depth)
            }
        } else {
            // Through buffer pointers: members are passed borrowed, without retaining each key and value.
            keys.withUnsafeBufferPointer { keys in
                values.withUnsafeBufferPointer { values in
                    for i in keys.indices {
                        member(keys[i], values[i], first: i == 0, into: &out, depth: depth)
                    }
                }
            }
        }
        if indent > 0 { newline(&out, depth: depth) }
        out.reserve(1)
        out.put(UInt8(ascii: "}"))
    }

    @inline(__always)
    private func member(_ key: String, _ value: Value, first: Bool, into out: inout JSONByteBuffer, depth: Int) {
        if !first { separator(&out) }
        if indent > 0 { newline(&out, depth: depth + 1) }
        Self.appendString(key, asciiOnly: asciiOnly, to: &out)
        out.reserve(2)
        out.put(UInt8(ascii: ":"))
        if afterColon { out.put(UInt8(ascii: " ")) }
        write(value, into: &out, depth: depth + 1)
    }

    private func newline(_ out: inout JSONByteBuffer, depth: Int) {
        let spaces = indent * depth
        out.reserve(1 + spaces)
        out.put(UInt8(ascii: "\n"))
        for _ in 0..<spaces { out.put(UInt8(ascii: " ")) }
    }

    /// Two ASCII digits for each value 0...99.
    private static let digitPairs: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    @inline(__always)
    static func appendInt(_ value: Int, to out: inout JSONByteBuffer) {
        // One or two digits (most integers in records: counters, positions, flags) in line.
        if UInt(bitPattern: value) < 100 {
            out.reserve(2)
            if value < 10 {
                out.put(UInt8(truncatingIfNeeded: value) &+ UInt8(ascii: "0"))
            } else {
                let pair = digitPairs.utf8Start + value &* 2
                out.put(pair[0], pair[1])
            }
            return
        }
        appendLongInt(value, to: &out)
    }

    @inline(never)
    static func appendLongInt(_ value: Int, to out: inout JSONByteBuffer) {
        out.reserve(20)
        if value < 0 { out.put(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            out.put(UInt8(truncatingIfNeeded: magnitude) &+ UInt8(ascii: "0"))
            return
        }
        var digits = 2
        var limit: UInt = 100
        while digits < 20, magnitude >= limit {
            digits += 1
            limit = limit &* 10
        }
        let pairs = digitPairs.utf8Start
        var end = out.count + digits
        while magnitude >= 100 {
            let pair = Int(magnitude % 100) &* 2
            magnitude /= 100
            out.set(pairs[pair &+ 1], at: end - 1)
            out.set(pairs[pair], at: end - 2)
            end -= 2
        }
        if magnitude >= 10 {
            let pair = Int(magnitude) &* 2
            out.set(pairs[pair &+ 1], at: end - 1)
            out.set(pairs[pair], at: end - 2)
        } else {
            out.set(UInt8(truncatingIfNeeded: magnitude) &+ UInt8(ascii: "0"), at: end - 1)
        }
        out.advance(by: digits)
    }

    /// Python's `float.__repr__` (shortest round-trip digits, exponent form below 1e-4 and from 1e16),
    /// with JSON's names for the non-finite values.
    static func appendDouble(_ value: Double, to out: inout JSONByteBuffer) {
        // `PythonFloat.repr` decides; where it would use Swift's own digits, they are written straight into
        // the buffer (no `String` in between).
        guard value.isFinite, value.magnitude < 9_007_199_254_740_992 || value.magnitude >= 1e16 else {
            var text = PythonFloat.repr(value, json: true)
            text.withUTF8 { out.append($0) }
            return
        }
        out.reserve(FloatTextSink.capacity)
        var sink = FloatTextSink(target: out.base + out.count)
        value.write(to: &sink)
        out.advance(by: sink.count)
    }

    /// True for the ASCII bytes Python writes unchanged inside a string: space through `~` except `"` and `\`.
    @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool {
        byte &- 0x20 < 0x5F && byte != 0x22 && byte != 0x5C
    }

    static func appendString(_ string: String, asciiOnly: Bool, to out: inout JSONByteBuffer) {
        if let done = string.utf8.withContiguousStorageIfAvailable({ appendString(utf8: $0, asciiOnly: asciiOnly, to: &out) }) {
            return done
        }
        var copy = string
        copy.withUTF8 { appendString(utf8: $0, asciiOnly: asciiOnly, to: &out) }
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Nonzero when some byte of `word` is not plain (SWAR: a control byte, `"`, `\`, DEL or non-ASCII).
    @inline(__always)
    static func escapeLanes(_ word: UInt64) -> UInt64 {
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word
        let zeroQuote = (quote &- ones) & ~quote
        let zeroBackslash = (backslash &- ones) & ~backslash
        // A byte ≥ 0x7F: adding 1 sets its high bit (or it is set already).
        let high = (word &+ ones) | word
        return (control | zeroQuote | zeroBackslash | high) & (ones &* 0x80)
    }

    /// The length of the leading run of plain bytes.
    @inline(__always)
    static func plainPrefix(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = utf8.baseAddress else { return 0 }
        let n = utf8.count
        var i = 0
        let raw = UnsafeRawPointer(base)
        if n >= 8 {
            while i &+ 8 <= n {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let lanes = escapeLanes(word)
                // The lowest flagged lane is exact (borrows and carries only spoil lanes above it).
                if lanes != 0 { return i &+ lanes.trailingZeroBitCount >> 3 }
                i &+= 8
            }
            if i == n { return n }
            // The tail: the last eight bytes, overlapping plain ones already checked.
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self))
            let lanes = escapeLanes(word)
            return lanes == 0 ? n : n &- 8 &+ lanes.trailingZeroBitCount >> 3
        }
        if n >= 4 {
            // Two overlapping four-byte halves: enough to tell whether all are plain.
            let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)))
            if escapeLanes(low | high << 32) == 0 { return n }
        }
        while i < n, isPlain(base[i]) { i &+= 1 }
        return i
    }

    @inline(__always)
    static func appendString(utf8: UnsafeBufferPointer<UInt8>, asciiOnly: Bool, to out: inout JSONByteBuffer) {
        let plainCount = plainPrefix(utf8)
        out.reserve(utf8.count &+ 2)
        out.put(UInt8(ascii: "\""))
        if plainCount == utf8.count {
            out.append(utf8)
        } else {
            out.append(UnsafeBufferPointer(rebasing: utf8[..<plainCount]))
            appendEscaped(UnsafeBufferPointer(rebasing: utf8[plainCount...]), asciiOnly: asciiOnly, to: &out)
        }
        out.reserve(1)
        out.put(UInt8(ascii: "\""))
    }

    private static let hexDigits: StaticString = "0123456789abcdef"

    /// Escapes valid UTF-8 (a Swift string's bytes) as Python does: the short escapes, `\u00XX` for other
    /// control characters, and — when `asciiOnly` — DEL and `\uXXXX` (surrogate pairs above the BMP) for
    /// every non-ASCII scalar.
    @inline(never)
    private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, asciiOnly: Bool, to out: inout JSONByteBuffer) {
        // At most 6 output bytes per input byte (a control byte as `\u00XX`; a 3-byte scalar as one escape).
        out.reserve(utf8.count &* 6)
        var i = 0
        let n = utf8.count
        while i < n {
            let byte = utf8[i]
            if isPlain(byte) {
                out.put(byte)
                i &+= 1
                continue
            }
            if byte < 0x80 {
                switch byte {
                case 0x22: out.put(0x5C, 0x22)
                case 0x5C: out.put(0x5C, 0x5C)
                case 0x0A: out.put(0x5C, UInt8(ascii: "n"))
                case 0x0D: out.put(0x5C, UInt8(ascii: "r"))
                case 0x09: out.put(0x5C, UInt8(ascii: "t"))
                case 0x08: out.put(0x5C, UInt8(ascii: "b"))
                case 0x0C: out.put(0x5C, UInt8(ascii: "f"))
                case 0x7F where !asciiOnly: out.put(byte)  // DEL is ASCII: only `ensure_ascii` escapes it
                default: putEscape(UInt32(byte), to: &out)
                }
                i &+= 1
                continue
            }
            // A multi-byte scalar; the string is valid UTF-8, so its length follows from the lead byte.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard i &+ length <= n else { break }
            if !asciiOnly {
                for k in 0..<length { out.put(utf8[i &+ k]) }
                i &+= length
                continue
            }
            var scalar: UInt32
            switch length {
            case 2:
                scalar = UInt32(byte & 0x1F) << 6 | UInt32(utf8[i &+ 1] & 0x3F)
            case 3:
                scalar = UInt32(byte & 0x0F) << 12 | UInt32(utf8[i &+ 1] & 0x3F) << 6 | UInt32(utf8[i &+ 2] & 0x3F)
            default:
                scalar = UInt32(byte & 0x07) << 18 | UInt32(utf8[i &+ 1] & 0x3F) << 12
                    | UInt32(utf8[i &+ 2] & 0x3F) << 6 | UInt32(utf8[i &+ 3] & 0x3F)
            }
            if scalar >= 0x10000 {
                scalar -= 0x10000
                putEscape(0xD800 | (scalar >> 10), to: &out)
                putEscape(0xDC00 | (scalar & 0x3FF), to: &out)
            } else {
                putEscape(scalar, to: &out)
            }
            i &+= length
        }
    }

    /// Writes `\uXXXX` (lowercase hex); room must have been reserved.
    @inline(__always)
    private static func putEscape(_ unit: UInt32, to out: inout JSONByteBuffer) {
        let hex = hexDigits.utf8Start
        out.put(0x5C, UInt8(ascii: "u"))
        out.put(hex[Int((unit >> 12) & 0xF)], hex[Int((unit >> 8) & 0xF)])
        out.put(hex[Int((unit >> 4) & 0xF)], hex[Int(unit & 0xF)])
    }
}
