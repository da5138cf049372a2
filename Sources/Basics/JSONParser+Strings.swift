/// Strings: plain runs found a word at a time, escapes decoded into scratch memory, UTF-8 checked.
extension JSONParser {

    /// Bytes `0x01` repeated in each lane of a word (SWAR constants).
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// A word with the high bit set in the lane of the first byte (lowest address) that ends a plain string
    /// run: `"`, `\` or a control character. Lanes above the first flagged one may be flagged spuriously.
    @inline(__always)
    static func stopLanes(_ word: UInt64) -> UInt64 {
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let zeroQuote = (quote &- ones) & ~quote
        let zeroBackslash = (backslash &- ones) & ~backslash
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control) & highBits
    }

    /// The end of the run of plain string bytes from `p` — the first `"`, `\` or control byte, or `count` —
    /// with the run's bytes OR-ed into `nonASCII` (its high bits tell whether any byte is ≥ 0x80).
    @inline(__always)
    func plainRunEnd(from start: Int, nonASCII: inout UInt64) -> Int {
        var p = start
        // Eight bytes at a time while they are all plain (little-endian lanes: lowest address first).
        while p &+ 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self))
            let stops = Self.stopLanes(word)
            if stops != 0 {
                let lane = stops.trailingZeroBitCount >> 3
                nonASCII |= word & ((1 &<< UInt64(lane &* 8)) &- 1)
                return p &+ lane
            }
            nonASCII |= word
            p &+= 8
        }
        while p < count {
            let byte = base[p]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            nonASCII |= UInt64(byte)
            p &+= 1
        }
        return p
    }

    mutating func parseString() throws(JSONError) -> String {
        let start = position
        let contentStart = position + 1
        var nonASCII: UInt64 = 0
        let p = plainRunEnd(from: contentStart, nonASCII: &nonASCII)
        position = p
        guard p < count else { throw error("Unterminated string starting", at: start) }
        let byte = base[p]
        if byte == UInt8(ascii: "\"") {
            position = p + 1
            let content = UnsafeBufferPointer(start: base + contentStart, count: p - contentStart)
            if nonASCII & Self.highBits == 0 { return Self.asciiString(content) }
            if Self.isValidUTF8(content) { return String(decoding: content, as: UTF8.self) }
            throw error("Invalid UTF-8 in string", at: contentStart)
        }
        if byte < 0x20 { throw error("Invalid control character", at: p) }
        return try parseEscapedString(start: start, contentStart: contentStart, nonASCII: nonASCII)
    }

    /// A string from bytes known to be ASCII (no validation needed).
    @inline(__always)
    static func asciiString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            guard let target = buffer.baseAddress, let source = bytes.baseAddress else { return 0 }
            target.initialize(from: source, count: bytes.count)
            return bytes.count
        }
    }

    /// The rest of a string from `position` (a backslash), decoding escapes into scratch memory; `nonASCII`
    /// covers the plain bytes before it.
    @inline(never)
    mutating func parseEscapedString(start: Int, contentStart: Int, nonASCII: UInt64) throws(JSONError) -> String {
        var length = position - contentStart
        var out = reserveScratch(length + 64, keeping: 0)
        out.initialize(from: base + contentStart, count: length)
        // Raw non-ASCII bytes need validating; bytes decoded from escapes are valid UTF-8 by construction.
        var rawNonASCII = nonASCII
        var escapedNonASCII = false
        while true {
            // Here `position` is at a backslash.
            let escapeStart = position
            position += 1
            guard position < count else { break }
            let code = base[position]
            position += 1
            // Room for the longest step: one scalar, at most 4 UTF-8 bytes.
            if _slowPath(length + 4 > scratchCapacity) { out = reserveScratch(2 * (length + 4), keeping: length) }
            switch code {
            case UInt8(ascii: "\""): out[length] = 0x22; length += 1
            case UInt8(ascii: "\\"): out[length] = 0x5C; length += 1
            case UInt8(ascii: "/"): out[length] = 0x2F; length += 1
            case UInt8(ascii: "b"): out[length] = 0x08; length += 1
            case UInt8(ascii: "f"): out[length] = 0x0C; length += 1
            case UInt8(ascii: "n"): out[length] = 0x0A; length += 1
            case UInt8(ascii: "r"): out[length] = 0x0D; length += 1
            case UInt8(ascii: "t"): out[length] = 0x09; length += 1
            case UInt8(ascii: "u"):
                var scalar = try parseHex4(escapeStart: escapeStart)
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate: combine with a following low surrogate escape if there is one.
                    if position + 6 <= count, base[position] == 0x5C, base[position + 1] == UInt8(ascii: "u") {
                        let save = position
                        position += 2
                        let low = try parseHex4(escapeStart: save)
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            position = save
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00..<0xE000).contains(scalar) {
                    scalar = 0xFFFD
                }
                if scalar >= 0x80 { escapedNonASCII = true }
                length += Self.putUTF8(scalar, at: out + length)
            default:
                throw error("Invalid \\escape", at: escapeStart)
            }
            // The plain run up to the next quote, backslash or control byte, copied in one piece.
            let runEnd = plainRunEnd(from: position, nonASCII: &rawNonASCII)
            let run = runEnd - position
            if run > 0 {
                if _slowPath(length + run > scratchCapacity) { out = reserveScratch(2 * (length + run), keeping: length) }
                (out + length).initialize(from: base + position, count: run)
                length += run
                position = runEnd
            }
            guard position < count else { break }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                let content = UnsafeBufferPointer(start: out, count: length)
                if rawNonASCII & Self.highBits != 0 {
                    if Self.isValidUTF8(content) { return String(decoding: content, as: UTF8.self) }
                    throw error("Invalid UTF-8 in string", at: contentStart)
                }
                return escapedNonASCII ? String(decoding: content, as: UTF8.self) : Self.asciiString(content)
            }
            if byte < 0x20 { throw error("Invalid control character", at: position) }
        }
        throw error("Unterminated string starting", at: start)
    }

    /// Whether `bytes` are well-formed UTF-8 (the Unicode standard's table: no overlong forms, no surrogates,
    /// nothing above U+10FFFF, no truncated sequences).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i < n {
            // Skip ASCII eight bytes at a time.
            while i &+ 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & highBits == 0 { i &+= 8 }
            guard i < n else { return true }
            let lead = base[i]
            if lead < 0x80 {
                i &+= 1
                continue
            }
            @inline(__always) func continuation(_ offset: Int) -> UInt8? {
                i &+ offset < n && base[i &+ offset] & 0xC0 == 0x80 ? base[i &+ offset] : nil
            }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) != nil else { return false }
                i &+= 2
            case 0xE0...0xEF:
                guard let second = continuation(1), continuation(2) != nil else { return false }
                if lead == 0xE0 && second < 0xA0 { return false }  // overlong
                if lead == 0xED && second > 0x9F { return false }  // surrogate
                i &+= 3
            case 0xF0...0xF4:
                guard let second = continuation(1), continuation(2) != nil, continuation(3) != nil else { return false }
                if lead == 0xF0 && second < 0x90 { return false }  // overlong
                if lead == 0xF4 && second > 0x8F { return false }  // above U+10FFFF
                i &+= 4
            default:
                return false
            }
        }
        return true
    }

    /// Scratch memory of at least `needed` bytes whose first `kept` bytes are those of the previous scratch.
    mutating func reserveScratch(_ needed: Int, keeping kept: Int) -> UnsafeMutablePointer<UInt8> {
        if let scratch, scratchCapacity >= needed { return scratch }
        let newCapacity = Swift.max(needed, 256)
        let newScratch = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        if let scratch {
            newScratch.initialize(from: scratch, count: kept)
            scratch.deallocate()
        }
        scratch = newScratch
        scratchCapacity = newCapacity
        return newScratch
    }

    @inline(__always)
    mutating func parseHex4(escapeStart: Int) throws(JSONError) -> UInt32 {
        guard position + 4 <= count else { throw error("Invalid \\uXXXX escape", at: escapeStart) }
        var value: UInt32 = 0
        for k in 0..<4 {
            let c = base[position &+ k]
            // '0'...'9' → 0...9; 'a'...'f' and 'A'...'F' (case folded by `| 0x20`) → 10...15.
            let decimal = UInt32(c &- UInt8(ascii: "0"))
            let letter = UInt32((c | 0x20) &- UInt8(ascii: "a"))
            let digit: UInt32
            if decimal < 10 {
                digit = decimal
            } else if letter < 6 {
                digit = letter + 10
            } else {
                throw error("Invalid \\uXXXX escape", at: escapeStart)
            }
            value = value << 4 | digit
        }
        position += 4
        return value
    }

    /// Writes the UTF-8 form of `scalar` (not a surrogate) at `out`; returns its length.
    static func putUTF8(_ scalar: UInt32, at out: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case 0..<0x80:
            out[0] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            out[0] = UInt8(0xC0 | (scalar >> 6))
            out[1] = UInt8(0x80 | (scalar & 0x3F))
            return 2
        case 0x800..<0x10000:
            out[0] = UInt8(0xE0 | (scalar >> 12))
            out[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[2] = UInt8(0x80 | (scalar & 0x3F))
            return 3
        default:
            out[0] = UInt8(0xF0 | (scalar >> 18))
            out[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            out[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[3] = UInt8(0x80 | (scalar & 0x3F))
            return 4
        }
    }
}
