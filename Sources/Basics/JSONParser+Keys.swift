/// Keys: tags, the short-key cache and key arrays shared by objects of the same shape.
extension JSONParser {
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

    static let keyCacheSize = 256

    /// Mixes the 16 zero-padded bytes and the length of a key of at most 16 bytes.
    @inline(__always)
    static func shortKeyTag(_ low: UInt64, _ high: UInt64, _ length: Int) -> UInt64 {
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
    mutating func cachedKey(_ low: UInt64, _ high: UInt64, _ length: Int, tag: UInt64) -> String {
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

    static let shapeCacheSize = 16

    /// The keys pushed since `start`, popped: the cached array of an earlier object with exactly these keys
    /// in this order (checked key by key, not just by `shape`), or a new array that the cache remembers.
    mutating func sharedKeys(from start: Int, shape: UInt64) -> [String] {
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
    mutating func makeShapeCache() -> UnsafeMutablePointer<ShapeCacheEntry> {
        let cache = UnsafeMutablePointer<ShapeCacheEntry>.allocate(capacity: Self.shapeCacheSize)
        cache.initialize(repeating: ShapeCacheEntry(), count: Self.shapeCacheSize)
        shapeCache = cache
        return cache
    }

    @inline(never)
    mutating func makeKeyCache() -> UnsafeMutablePointer<KeyCacheEntry> {
        let cache = UnsafeMutablePointer<KeyCacheEntry>.allocate(capacity: Self.keyCacheSize)
        cache.initialize(repeating: KeyCacheEntry(), count: Self.keyCacheSize)
        keyCache = cache
        return cache
    }
}
