/// The parser. Reusable: `parseDocument` may be called again for the next document (the JSONL reader does, so
/// its stacks and scratch memory are allocated once per file, not once per line).
///
/// Invariants: outside `parseDocument` the stacks are empty; `position <= count`; `base` addresses `count`
/// readable bytes (a dummy, never read, when the input is empty); a key cache entry's `key` has exactly the
/// entry's bytes.
struct JSONParser: ~Copyable {
    var base: UnsafePointer<UInt8>
    var count = 0
    var position = 0
    var values = ParseStack<Value>()
    var keys = ParseStack<String>()
    /// `keyTag` of each key on `keys`, in step with it: repeated keys are found by comparing tags first.
    var keyTags = ParseStack<UInt64>()
    /// Recently seen short keys (objects of one file mostly repeat the same keys); allocated on first use.
    var keyCache: UnsafeMutablePointer<KeyCacheEntry>?
    /// Key arrays of recently built objects by shape (their key sequence), shared by later objects with the
    /// same keys in the same order — the records of a JSONL file mostly share one or a few shapes.
    var shapeCache: UnsafeMutablePointer<ShapeCacheEntry>?
    /// Scratch memory for strings with escapes.
    var scratch: UnsafeMutablePointer<UInt8>?
    var scratchCapacity = 0

    static let emptyInput: StaticString = " "

    /// Whether short keys are remembered across objects and documents: worth its setup only for many
    /// documents (the JSONL reader), not for one.
    let cachesKeys: Bool

    init(cachesKeys: Bool = false) {
        base = Self.emptyInput.utf8Start
        self.cachesKeys = cachesKeys
    }

    deinit {
        values.release()
        keys.release()
        keyTags.release()
        if let keyCache {
            keyCache.deinitialize(count: Self.keyCacheSize)
            keyCache.deallocate()
        }
        if let shapeCache {
            shapeCache.deinitialize(count: Self.shapeCacheSize)
            shapeCache.deallocate()
        }
        scratch?.deallocate()
    }

    /// Parses one complete document: a value, optionally surrounded by whitespace.
    mutating func parseDocument(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) -> Value {
        base = bytes.baseAddress.map { UnsafePointer($0) } ?? Self.emptyInput.utf8Start
        count = bytes.count
        position = 0
        defer {
            // After an error the stacks hold the members of unfinished containers.
            if values.count > 0 { values.removeAll() }
            if keys.count > 0 { keys.removeAll() }
            if keyTags.count > 0 { keyTags.removeAll() }
        }
        skipWhitespace()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if position != count {
            throw error("Extra data")
        }
        return value
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONError {
        let offset = min(offset ?? position, count)
        var line = 1
        var lineStart = 0
        for i in 0..<offset where base[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        // Column in Unicode scalars: count bytes that are not UTF-8 continuation bytes.
        var column = 1
        for i in lineStart..<offset where base[i] & 0xC0 != 0x80 { column += 1 }
        return JSONError(message: message, line: line, column: column, offset: offset)
    }

    /// The byte at `position`, or nil at the end.
    @inline(__always)
    func peek() -> UInt8? {
        position < count ? base[position] : nil
    }

    @inline(__always)
    mutating func skipWhitespace() {
        // Most calls find a token at once, or after the single space Python's separators leave.
        while position < count {
            let byte = base[position]
            if byte > 0x20 { return }
            switch byte {
            case 0x20, 0x0A, 0x0D, 0x09: position &+= 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws(JSONError) -> Value {
        guard let byte = peek() else { throw error("Expecting value") }
        switch byte {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "N"): try expectWord("NaN"); return .double(.nan)
        case UInt8(ascii: "I"): try expectWord("Infinity"); return .double(.infinity)
        case UInt8(ascii: "-"):
            if position + 1 < count, base[position + 1] == UInt8(ascii: "I") {
                position += 1
                try expectWord("Infinity")
                return .double(-.infinity)
            }
            return try parseNumber()
        default: throw error("Expecting value")
        }
    }

    /// A member of an array or object: numbers and strings (most members) without the general dispatch.
    @inline(__always)
    mutating func parseMember(depth: Int) throws(JSONError) -> Value {
        if position < count {
            let byte = base[position]
            if byte &- UInt8(ascii: "0") < 10 { return try parseNumber() }
            if byte == UInt8(ascii: "\"") { return .string(try parseString()) }
        }
        return try parseValue(depth: depth)
    }

    mutating func expectWord(_ word: StaticString) throws(JSONError) {
        let start = position
        let length = word.utf8CodeUnitCount
        guard position + length <= count else { throw error("Expecting value", at: start) }
        let pointer = word.utf8Start
        for i in 0..<length where base[position + i] != pointer[i] {
            throw error("Expecting value", at: start)
        }
        position += length
    }

    mutating func parseObject(depth: Int) throws(JSONError) -> Value {
        if depth > JSONReader.maxDepth { throw error("Nesting deeper than \(JSONReader.maxDepth) levels") }
        position += 1  // {
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return .object(ValueObject())
        }
        let firstKey = keys.count
        let firstValue = values.count
        // One bit per key tag seen in this object (a 64-bit Bloom filter): a key whose bit is clear cannot be
        // a repeat, so the search below is skipped for almost every key.
        var seenTags: UInt64 = 0
        // A hash of the key sequence, for the shape cache.
        var shape: UInt64 = 0
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                throw error("Expecting property name enclosed in double quotes")
            }
            let (key, tag) = try parseKey()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else {
                throw error("Expecting ':' delimiter")
            }
            position += 1
            skipWhitespace()
            let value = try parseMember(depth: depth)
            // A repeated key keeps its first position and takes the last value (Python's dict).
            let tagBit: UInt64 = 1 &<< (tag & 63)
            if seenTags & tagBit != 0, let existing = index(of: key, tag: tag, from: firstKey) {
                values[firstValue + existing - firstKey] = value
            } else {
                seenTags |= tagBit
                shape = (shape ^ tag) &* 0x0000_0100_0000_01B3
                keys.push(key)
                keyTags.push(tag)
                values.push(value)
            }
            skipWhitespace()
            guard let byte = peek() else { throw error("Expecting ',' delimiter") }
            if byte == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if byte == UInt8(ascii: "}") {
                position += 1
                let objectValues = values.popArray(from: firstValue)
                let objectKeys = cachesKeys ? sharedKeys(from: firstKey, shape: shape) : keys.popArray(from: firstKey)
                keyTags.pop(to: firstKey)
                return .object(ValueObject(distinctKeys: objectKeys, values: objectValues))
            }
            throw error("Expecting ',' delimiter")
        }
    }

    /// The stack index of `key` (whose `keyTag` is `tag`) among the keys pushed since `start`: a linear
    /// search that compares tags before contents (objects are small; this is the hot path).
    @inline(__always)
    func index(of key: String, tag: UInt64, from start: Int) -> Int? {
        var i = start
        while i < keyTags.count {
            if keyTags[i] == tag && keys[i] == key { return i }
            i &+= 1
        }
        return nil
    }

    mutating func parseArray(depth: Int) throws(JSONError) -> Value {
        if depth > JSONReader.maxDepth { throw error("Nesting deeper than \(JSONReader.maxDepth) levels") }
        position += 1  // [
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            return .array([])
        }
        let first = values.count
        while true {
            skipWhitespace()
            values.push(try parseMember(depth: depth))
            skipWhitespace()
            guard let byte = peek() else { throw error("Expecting ',' delimiter") }
            if byte == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if byte == UInt8(ascii: "]") {
                position += 1
                return .array(values.popArray(from: first))
            }
            throw error("Expecting ',' delimiter")
        }
    }
}
