/// Parses JSON text into `Value`.
///
/// Accepts RFC 8259 plus what Python's `json.loads` accepts: `NaN`, `Infinity` and `-Infinity`, and a
/// repeated key (the last value wins, at the first key's position). Rejects what Python rejects: control
/// characters inside strings, trailing commas, leading zeros, trailing garbage. Integers beyond 64 bits are an
/// error rather than a rounded value. Lone surrogate escapes become U+FFFD (Swift strings cannot hold them).
/// Nesting is limited to `maxDepth` so hostile input cannot overflow the stack.
public struct JSONReader: Sendable {
    public static let maxDepth = 512

    public static func parse(_ text: String) throws(JSONError) -> Value {
        var text = text
        let result: Result<Value, JSONError> = text.withUTF8 { buffer in
            do throws(JSONError) { return .success(try parse(bytes: buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public static func parse(_ bytes: [UInt8]) throws(JSONError) -> Value {
        let result: Result<Value, JSONError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONError) { return .success(try parse(bytes: buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public static func parse(bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) -> Value {
        var parser = Parser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.position != bytes.count {
            throw parser.error("Extra data")
        }
        return value
    }
}

struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func error(_ message: String, at offset: Int? = nil) -> JSONError {
        let offset = min(offset ?? position, bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        // Column in Unicode scalars: count bytes that are not UTF-8 continuation bytes.
        var column = 1
        for i in lineStart..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return JSONError(message: message, line: line, column: column, offset: offset)
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws(JSONError) -> Value {
        guard position < bytes.count else { throw error("Expecting value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "N"): try expectWord("NaN"); return .double(.nan)
        case UInt8(ascii: "I"): try expectWord("Infinity"); return .double(.infinity)
        case UInt8(ascii: "-"):
            if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "I") {
                position += 1
                try expectWord("Infinity")
                return .double(-.infinity)
            }
            return try parseNumber()
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("Expecting value")
        }
    }

    mutating func expectWord(_ word: StaticString) throws(JSONError) {
        let start = position
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw error("Expecting value", at: start) }
        let pointer = word.utf8Start
        for i in 0..<count where bytes[position + i] != pointer[i] {
            throw error("Expecting value", at: start)
        }
        position += count
    }

    mutating func parseObject(depth: Int) throws(JSONError) -> Value {
        if depth > JSONReader.maxDepth { throw error("Nesting deeper than \(JSONReader.maxDepth) levels") }
        position += 1  // {
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(ValueObject())
        }
        // Records usually have a handful to a dozen keys: start with room for them instead of doubling from 1.
        var keys: [String] = []
        var values: [Value] = []
        keys.reserveCapacity(8)
        values.reserveCapacity(8)
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("Expecting property name enclosed in double quotes")
            }
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw error("Expecting ':' delimiter")
            }
            position += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            // A repeated key keeps its first position and takes the last value (Python's dict).
            if let existing = Self.index(of: key, in: keys) {
                values[existing] = value
            } else {
                keys.append(key)
                values.append(value)
            }
            skipWhitespace()
            guard position < bytes.count else { throw error("Expecting ',' delimiter") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(ValueObject(distinctKeys: keys, values: values))
            }
            throw error("Expecting ',' delimiter")
        }
    }

    /// Linear search that compares UTF-8 lengths before contents (objects are small; this is the hot path).
    @inline(__always)
    static func index(of key: String, in keys: [String]) -> Int? {
        let length = key.utf8.count
        for i in keys.indices where keys[i].utf8.count == length && keys[i] == key { return i }
        return nil
    }

    mutating func parseArray(depth: Int) throws(JSONError) -> Value {
        if depth > JSONReader.maxDepth { throw error("Nesting deeper than \(JSONReader.maxDepth) levels") }
        position += 1  // [
        var items: [Value] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        items.reserveCapacity(8)
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth))
            skipWhitespace()
            guard position < bytes.count else { throw error("Expecting ',' delimiter") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            throw error("Expecting ',' delimiter")
        }
    }

    mutating func parseString() throws(JSONError) -> String {
        let start = position
        position += 1  // opening quote
        let contentStart = position
        // Fast path: no escapes.
        var ascii = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte >= 0x80 { ascii = false }
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + contentStart },
                                                count: position - contentStart)
                position += 1
                return try decodeUTF8(slice, at: contentStart, ascii: ascii)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("Invalid control character", at: position) }
            position += 1
        }
        guard position < bytes.count else { throw error("Unterminated string starting", at: start) }
        // Slow path with escapes.
        var scratch = [UInt8](UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + contentStart },
                                                  count: position - contentStart))
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                if let string = String(validating: scratch, as: UTF8.self) { return string }
                throw error("Invalid UTF-8 in string", at: contentStart)
            }
            if byte < 0x20 { throw error("Invalid control character", at: position) }
            if byte != UInt8(ascii: "\\") {
                scratch.append(byte)
                position += 1
                continue
            }
            let escapeStart = position
            position += 1
            guard position < bytes.count else { break }
            let code = bytes[position]
            position += 1
            switch code {
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "/"): scratch.append(0x2F)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4(escapeStart: escapeStart)
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate: combine with a following low surrogate escape if there is one.
                    if position + 6 <= bytes.count, bytes[position] == 0x5C, bytes[position + 1] == UInt8(ascii: "u") {
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
                appendUTF8(scalar, to: &scratch)
            default:
                throw error("Invalid \\escape", at: escapeStart)
            }
        }
        throw error("Unterminated string starting", at: start)
    }

    mutating func parseHex4(escapeStart: Int) throws(JSONError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("Invalid \\uXXXX escape", at: escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[position]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("Invalid \\uXXXX escape", at: escapeStart)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    func decodeUTF8(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int, ascii: Bool) throws(JSONError) -> String {
        // ASCII needs no validation; `String(decoding:)` takes its fast path for it.
        if ascii { return String(decoding: buffer, as: UTF8.self) }
        if let string = String(validating: buffer, as: UTF8.self) { return string }
        throw error("Invalid UTF-8 in string", at: offset)
    }

    mutating func parseNumber() throws(JSONError) -> Value {
        let start = position
        var negative = false
        if bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        guard position < bytes.count, isDigit(bytes[position]) else { throw error("Expecting value", at: start) }
        var mantissa: UInt64 = 0
        var digitCount = 0
        var overflow = false
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count, isDigit(bytes[position]) {
                let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(UInt64(bytes[position] - UInt8(ascii: "0")))
                if o1 || o2 { overflow = true }
                mantissa = m2
                digitCount += 1
                position += 1
            }
        }
        var isFloat = false
        var fractionDigits = 0
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            guard position + 1 < bytes.count, isDigit(bytes[position + 1]) else {
                // Python: "1." is Extra data after the int 1.
                return try integer(negative: negative, mantissa: mantissa, overflow: overflow, start: start)
            }
            isFloat = true
            position += 1
            while position < bytes.count, isDigit(bytes[position]) {
                let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(UInt64(bytes[position] - UInt8(ascii: "0")))
                if o1 || o2 { overflow = true }
                mantissa = m2
                digitCount += 1
                fractionDigits += 1
                position += 1
            }
        }
        var exponent = 0
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            var look = position + 1
            var expNegative = false
            if look < bytes.count, bytes[look] == UInt8(ascii: "+") || bytes[look] == UInt8(ascii: "-") {
                expNegative = bytes[look] == UInt8(ascii: "-")
                look += 1
            }
            if look < bytes.count, isDigit(bytes[look]) {
                isFloat = true
                position = look
                while position < bytes.count, isDigit(bytes[position]) {
                    if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[position] - UInt8(ascii: "0")) }
                    position += 1
                }
                if expNegative { exponent = -exponent }
            }
        }
        if !isFloat {
            return try integer(negative: negative, mantissa: mantissa, overflow: overflow, start: start)
        }
        // Clinger's fast path: exact when the digits fit in 53 bits and the power of ten is exact.
        let scale = exponent - fractionDigits
        if !overflow, mantissa < (1 << 53), scale >= -22, scale <= 22 {
            var value = Double(mantissa)
            if scale < 0 { value /= Self.powersOfTen[-scale] } else { value *= Self.powersOfTen[scale] }
            return .double(negative ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + start },
                                                        count: position - start), as: UTF8.self)
        guard let value = Double(text) else { throw error("Invalid number", at: start) }
        return .double(value)
    }

    func integer(negative: Bool, mantissa: UInt64, overflow: Bool, start: Int) throws(JSONError) -> Value {
        if overflow || mantissa > UInt64(Int.max) + (negative ? 1 : 0) {
            throw error("Integer out of the 64-bit range", at: start)
        }
        if negative {
            return .int(mantissa == UInt64(Int.max) + 1 ? Int.min : -Int(mantissa))
        }
        return .int(Int(mantissa))
    }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
