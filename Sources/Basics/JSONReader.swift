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
        var parser = JSONParser()
        return try parser.parseDocument(bytes)
    }
}

/// A stack of values under construction, in memory the parser owns: a container's members are pushed as they
/// are parsed and moved into an exactly sized array when it closes (no regrowth, no over-allocation).
///
/// Invariants: `base[0..<count]` is initialized, `count <= capacity`; `base` is nil exactly when `capacity` is 0.
/// The owner must call `release()` once, last, which deinitializes and frees.
struct ParseStack<Element> {
    private var base: UnsafeMutablePointer<Element>?
    private(set) var count = 0
    private var capacity = 0

    @inline(__always)
    mutating func push(_ element: consuming Element) {
        if _slowPath(count == capacity) { grow() }
        // `grow` leaves `base` non-nil.
        guard let base else { return }
        (base + count).initialize(to: element)
        count &+= 1
    }

    @inline(never)
    private mutating func grow() {
        let newCapacity = Swift.max(32, capacity * 2)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        if let base {
            newBase.moveInitialize(from: base, count: count)
            base.deallocate()
        }
        base = newBase
        capacity = newCapacity
    }

    /// The element at `index` (which must be below `count`).
    @inline(__always)
    subscript(index: Int) -> Element {
        get {
            guard let base else { preconditionFailure("empty parse stack") }
            return base[index]
        }
        set {
            guard let base else { return }
            base[index] = newValue
        }
    }

    /// Moves the elements from `start` to the top into a new array and pops them.
    @inline(__always)
    mutating func popArray(from start: Int) -> [Element] {
        let n = count - start
        guard n > 0, let base else { return [] }
        count = start
        // `reserveCapacity` allocates through code specialized for `Element` (the initializers that take
        // uninitialized memory call a generic runtime function that looks type metadata up every time);
        // `MovingElements` then moves the members in with one memory copy.
        var elements: [Element] = []
        elements.reserveCapacity(n)
        elements.append(contentsOf: MovingElements(base: base + start, count: n))
        return elements
    }

    /// Pops the elements from `start` to the top.
    @inline(__always)
    mutating func pop(to start: Int) {
        guard start < count, let base else { return }
        (base + start).deinitialize(count: count - start)
        count = start
    }

    /// Deinitializes every element, keeping the memory.
    mutating func removeAll() {
        base?.deinitialize(count: count)
        count = 0
    }

    /// Deinitializes and frees; the stack must not be used afterwards.
    func release() {
        guard let base else { return }
        base.deinitialize(count: count)
        base.deallocate()
    }
}

/// Initialized memory whose elements move out as the sequence is consumed (single pass): by
/// `_copyContents` all at once (one memory copy, which is how `Array.append(contentsOf:)` consumes it),
/// otherwise one at a time by the iterator.
///
/// Invariants: `base[0..<count]` is initialized before consumption; every element is moved out exactly once
/// if the sequence is consumed to its end, and the memory is left uninitialized.
struct MovingElements<Element>: Sequence {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    /// Moves elements out one by one.
    struct Iterator: IteratorProtocol {
        let base: UnsafeMutablePointer<Element>
        let count: Int
        var position: Int

        mutating func next() -> Element? {
            guard position < count else { return nil }
            defer { position += 1 }
            return (base + position).move()
        }
    }

    var underestimatedCount: Int { count }

    func makeIterator() -> Iterator { Iterator(base: base, count: count, position: 0) }

    func _copyContents(initializing buffer: UnsafeMutableBufferPointer<Element>) -> (Iterator, Int) {
        let n = Swift.min(count, buffer.count)
        if n > 0, let target = buffer.baseAddress { target.moveInitialize(from: base, count: n) }
        return (Iterator(base: base, count: count, position: n), n)
    }
}

/// The parser. Reusable: `parseDocument` may be called again for the next document (the JSONL reader does, so
/// its stacks and scratch memory are allocated once per file, not once per line).
///
/// Invariants: outside `parseDocument` the stacks are empty; `position <= count`; `base` addresses `count`
/// readable bytes (a dummy, never read, when the input is empty); a key cache entry's `key` has exactly the
/// entry's bytes.
struct JSONParser: ~Copyable {
    private var base: UnsafePointer<UInt8>
    private var count = 0
    private(set) var position = 0
    private var values = ParseStack<Value>()
    private var keys = ParseStack<String>()
    /// `keyTag` of each key on `keys`, in step with it: repeated keys are found by comparing tags first.
    private var keyTags = ParseStack<UInt64>()
    /// Recently seen short keys (objects of one file mostly repeat the same keys); allocated on first use.
    private var keyCache: UnsafeMutablePointer<KeyCacheEntry>?
    /// Key arrays of recently built objects by shape (their key sequence), shared by later objects with the
    /// same keys in the same order — the records of a JSONL file mostly share one or a few shapes.
    private var shapeCache: UnsafeMutablePointer<ShapeCacheEntry>?
    /// Scratch memory for strings with escapes.
    private var scratch: UnsafeMutablePointer<UInt8>?
    private var scratchCapacity = 0

    private static let emptyInput: StaticString = " "

    /// Whether short keys are remembered across objects and documents: worth its setup only for many
    /// documents (the JSONL reader), not for one.
    private let cachesKeys: Bool

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
    private func peek() -> UInt8? {
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
    private func index(of key: String, tag: UInt64, from start: Int) -> Int? {
        var i = start
        while i < keyTags.count {
            if keyTags[i] == tag && keys[i] == key { return i }
            i &+= 1
        }
        return nil
    }

    // MARK: Keys

    /// A short key and its bytes (zero-padded to 16), as remembered by the key cache.
    ///
    /// Invariants: `length` is -1 (an unused entry) or the UTF-8 length of `key`, whose bytes are `low` then
    /// `high`, little-endian, zero beyond `length`.
    struct KeyCacheEntry {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var length = -1
        var key = ""
    }

    private static let keyCacheSize = 256

    /// Mixes the 16 zero-padded bytes and the length of a key of at most 16 bytes.
    @inline(__always)
    private static func shortKeyTag(_ low: UInt64, _ high: UInt64, _ length: Int) -> UInt64 {
        var h = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: length)
        h ^= h >> 29
        return h
    }

    /// The 64-bit tag of a key's UTF-8 bytes: equal keys have equal tags.
    static func keyTag(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return shortKeyTag(0, 0, 0) }
        let n = bytes.count
        if n <= 16 {
            var low: UInt64 = 0, high: UInt64 = 0
            for i in 0..<n {
                if i < 8 { low |= UInt64(base[i]) << UInt64(8 * i) } else { high |= UInt64(base[i]) << UInt64(8 * (i - 8)) }
            }
            return shortKeyTag(low, high, n)
        }
        var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        for i in 0..<n {
            h = (h ^ UInt64(base[i])) &* 0x0000_0100_0000_01B3
        }
        return h ^ (h >> 29)
    }

    /// A member name and its `keyTag`. Short plain keys (the usual case) are read as two words and looked up
    /// in the key cache, so a key seen before costs no allocation; anything else goes through `parseString`.
    @inline(__always)
    mutating func parseKey() throws(JSONError) -> (String, UInt64) {
        let contentStart = position &+ 1
        if contentStart &+ 17 <= count {
            let raw = UnsafeRawPointer(base + contentStart)
            let low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            // The first byte that is not plain ASCII: the closing quote if the key is short and plain.
            let lowStops = Self.stopLanes(low) | (low & Self.highBits)
            let highStops = Self.stopLanes(high) | (high & Self.highBits)
            let length = lowStops != 0 ? lowStops.trailingZeroBitCount >> 3
                : highStops != 0 ? 8 &+ highStops.trailingZeroBitCount >> 3 : 16
            if base[contentStart &+ length] == UInt8(ascii: "\"") {
                let lowBytes = length >= 8 ? low : low & ((1 &<< UInt64(length &* 8)) &- 1)
                let highBytes = length <= 8 ? 0 : length == 16 ? high : high & ((1 &<< UInt64((length &- 8) &* 8)) &- 1)
                position = contentStart &+ length &+ 1
                let tag = Self.shortKeyTag(lowBytes, highBytes, length)
                return (cachedKey(lowBytes, highBytes, length, tag: tag), tag)
            }
        }
        let key = try parseString()
        var copy = key
        let tag = copy.withUTF8 { Self.keyTag($0) }
        return (key, tag)
    }

    /// The key with these bytes, from the cache or made (and remembered) now.
    @inline(__always)
    private mutating func cachedKey(_ low: UInt64, _ high: UInt64, _ length: Int, tag: UInt64) -> String {
        let bytes = UnsafeBufferPointer(start: base + (position &- 1 &- length), count: length)
        guard cachesKeys else { return Self.asciiString(bytes) }
        let cache = keyCache ?? makeKeyCache()
        let entry = cache + Int(truncatingIfNeeded: tag >> 56)
        if entry.pointee.low == low && entry.pointee.high == high && entry.pointee.length == length {
            return entry.pointee.key
        }
        let key = Self.asciiString(bytes)
        entry.pointee = KeyCacheEntry(low: low, high: high, length: length, key: key)
        return key
    }

    /// The key array of an object whose key sequence hashes to `shape` (empty: an unused entry).
    ///
    /// Invariants: `shape` is the hash `parseObject` computes for exactly `keys`, in order.
    struct ShapeCacheEntry {
        var shape: UInt64 = 0
        var keys: [String] = []
    }

    private static let shapeCacheSize = 16

    /// The keys pushed since `start`, popped: the cached array of an earlier object with exactly these keys
    /// in this order (checked key by key, not just by `shape`), or a new array that the cache remembers.
    private mutating func sharedKeys(from start: Int, shape: UInt64) -> [String] {
        let cache = shapeCache ?? makeShapeCache()
        let entry = cache + Int(truncatingIfNeeded: (shape ^ (shape >> 32)) & UInt64(Self.shapeCacheSize - 1))
        let n = keys.count - start
        if entry.pointee.shape == shape && entry.pointee.keys.count == n {
            let same = entry.pointee.keys.withUnsafeBufferPointer { cached in
                for i in 0..<n where cached[i] != keys[start + i] { return false }
                return true
            }
            if same {
                keys.pop(to: start)
                return entry.pointee.keys
            }
        }
        let fresh = keys.popArray(from: start)
        entry.pointee = ShapeCacheEntry(shape: shape, keys: fresh)
        return fresh
    }

    @inline(never)
    private mutating func makeShapeCache() -> UnsafeMutablePointer<ShapeCacheEntry> {
        let cache = UnsafeMutablePointer<ShapeCacheEntry>.allocate(capacity: Self.shapeCacheSize)
        cache.initialize(repeating: ShapeCacheEntry(), count: Self.shapeCacheSize)
        shapeCache = cache
        return cache
    }

    @inline(never)
    private mutating func makeKeyCache() -> UnsafeMutablePointer<KeyCacheEntry> {
        let cache = UnsafeMutablePointer<KeyCacheEntry>.allocate(capacity: Self.keyCacheSize)
        cache.initialize(repeating: KeyCacheEntry(), count: Self.keyCacheSize)
        keyCache = cache
        return cache
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

    // MARK: Strings

    /// Bytes `0x01` repeated in each lane of a word (SWAR constants).
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// A word with the high bit set in the lane of the first byte (lowest address) that ends a plain string
    /// run: `"`, `\` or a control character. Lanes above the first flagged one may be flagged spuriously.
    @inline(__always)
    private static func stopLanes(_ word: UInt64) -> UInt64 {
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
    private func plainRunEnd(from start: Int, nonASCII: inout UInt64) -> Int {
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
    private mutating func parseEscapedString(start: Int, contentStart: Int, nonASCII: UInt64) throws(JSONError) -> String {
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
    private mutating func reserveScratch(_ needed: Int, keeping kept: Int) -> UnsafeMutablePointer<UInt8> {
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

    // MARK: Numbers

    @inline(__always)
    mutating func parseNumber() throws(JSONError) -> Value {
        // Fast path: an integer of at most 18 digits (cannot overflow) followed by a delimiter.
        var p = position
        let negative = base[p] == UInt8(ascii: "-")
        if negative { p &+= 1 }
        if p < count, base[p] != UInt8(ascii: "0") {
            let digitsStart = p
            var magnitude = 0
            while p < count {
                let digit = base[p] &- UInt8(ascii: "0")
                if digit > 9 { break }
                magnitude = magnitude &* 10 &+ Int(digit)
                p &+= 1
            }
            let digits = p - digitsStart
            if digits > 0, digits <= 18,
               p == count || !(base[p] == UInt8(ascii: ".") || base[p] | 0x20 == UInt8(ascii: "e")) {
                position = p
                return .int(negative ? -magnitude : magnitude)
            }
        }
        return try parseGeneralNumber()
    }

    @inline(never)
    mutating func parseGeneralNumber() throws(JSONError) -> Value {
        let start = position
        var negative = false
        if base[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        guard position < count, isDigit(base[position]) else { throw error("Expecting value", at: start) }
        var mantissa: UInt64 = 0
        var overflow = false
        if base[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < count, isDigit(base[position]) {
                let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(UInt64(base[position] - UInt8(ascii: "0")))
                if o1 || o2 { overflow = true }
                mantissa = m2
                position += 1
            }
        }
        var isFloat = false
        var fractionDigits = 0
        if position < count, base[position] == UInt8(ascii: ".") {
            guard position + 1 < count, isDigit(base[position + 1]) else {
                // Python: "1." is Extra data after the int 1.
                return try integer(negative: negative, mantissa: mantissa, overflow: overflow, start: start)
            }
            isFloat = true
            position += 1
            while position < count, isDigit(base[position]) {
                let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(UInt64(base[position] - UInt8(ascii: "0")))
                if o1 || o2 { overflow = true }
                mantissa = m2
                fractionDigits += 1
                position += 1
            }
        }
        var exponent = 0
        if position < count, base[position] == UInt8(ascii: "e") || base[position] == UInt8(ascii: "E") {
            var look = position + 1
            var expNegative = false
            if look < count, base[look] == UInt8(ascii: "+") || base[look] == UInt8(ascii: "-") {
                expNegative = base[look] == UInt8(ascii: "-")
                look += 1
            }
            if look < count, isDigit(base[look]) {
                isFloat = true
                position = look
                while position < count, isDigit(base[position]) {
                    if exponent < 100_000 { exponent = exponent * 10 + Int(base[position] - UInt8(ascii: "0")) }
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
            if scale < 0 { value /= Self.powerOfTen(-scale) } else { value *= Self.powerOfTen(scale) }
            return .double(negative ? -value : value)
        }
        if !overflow, let value = EiselLemire.double(mantissa: mantissa, exponent: scale) {
            return .double(negative ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: position - start), as: UTF8.self)
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

    /// 10^exponent for 0...22, exactly (every such power is a double).
    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: return 1e0
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        case 18: return 1e18
        case 19: return 1e19
        case 20: return 1e20
        case 21: return 1e21
        default: return 1e22
        }
    }
}
