/// A growable byte buffer for the writer: starts in caller-provided (stack) memory, moves to the heap when
/// that is full.
///
/// Invariants: `base[0..<count]` is the text written so far and `count <= capacity`; `heap` is true exactly
/// when `base` was allocated here (and must be freed by `release()`). Callers `reserve` before writing raw
/// bytes, so every `put` stays in bounds.
struct JSONByteBuffer {
    static let stackCapacity = 1024

    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    private var heap = false

    init(stack: UnsafeMutableBufferPointer<UInt8>) {
        // `withUnsafeTemporaryAllocation` always provides an address, but stay safe if it ever does not.
        if let address = stack.baseAddress {
            base = address
            capacity = stack.count
        } else {
            base = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.stackCapacity)
            capacity = Self.stackCapacity
            heap = true
        }
    }

    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Frees heap memory, if any; the buffer must not be used afterwards.
    mutating func release() {
        if heap { base.deallocate() }
        heap = false
        count = 0
        capacity = 0
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if _slowPath(count &+ extra > capacity) { grow(extra) }
    }

    @inline(never)
    private mutating func grow(_ extra: Int) {
        let newCapacity = Swift.max(capacity * 2, count + extra, 64)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        if heap { base.deallocate() }
        base = newBase
        capacity = newCapacity
        heap = true
    }

    /// Appends one byte; room must have been reserved.
    @inline(__always)
    mutating func put(_ byte: UInt8) {
        base[count] = byte
        count &+= 1
    }

    /// Appends two bytes; room must have been reserved.
    @inline(__always)
    mutating func put(_ first: UInt8, _ second: UInt8) {
        base[count] = first
        base[count &+ 1] = second
        count &+= 2
    }

    /// Appends bytes, reserving room for them.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        reserve(n)
        guard let source = bytes.baseAddress else { return }
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(base + count)
        // Short runs (most keys and strings) as two overlapping word moves instead of a `memcpy` call.
        if n >= 8 && n <= 16 {
            let first = from.loadUnaligned(as: UInt64.self)
            let last = from.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            to.storeBytes(of: first, as: UInt64.self)
            to.storeBytes(of: last, toByteOffset: n &- 8, as: UInt64.self)
        } else if n >= 4 && n < 8 {
            let first = from.loadUnaligned(as: UInt32.self)
            let last = from.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
            to.storeBytes(of: first, as: UInt32.self)
            to.storeBytes(of: last, toByteOffset: n &- 4, as: UInt32.self)
        } else {
            (base + count).initialize(from: source, count: n)
        }
        count &+= n
    }

    /// Appends a literal, reserving room for it.
    @inline(__always)
    mutating func append(_ literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Sets a byte already written or reserved (`offset < capacity`).
    @inline(__always)
    mutating func set(_ byte: UInt8, at offset: Int) {
        base[offset] = byte
    }

    /// Counts `extra` reserved bytes, filled with `set`, as written.
    @inline(__always)
    mutating func advance(by extra: Int) {
        count &+= extra
    }
}
