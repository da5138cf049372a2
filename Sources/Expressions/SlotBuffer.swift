/// The slots of an `Environment`: a buffer of `RuntimeValue`s that the environment owns outright.
///
/// Unlike an array it has no copy-on-write, so writing a slot is a plain store (no uniqueness check, no
/// possible copy) — slots are written several times per loop iteration of an expression step.
/// Invariants: `base[0..<count]` is initialized; `count ≥ 0`; indices are checked; the owner calls `destroy()`
/// exactly once, last. Not copyable in meaning: two copies would share (and double-free) one buffer, so only
/// `Environment` holds one, behind its own pointer.
struct SlotBuffer {
    private(set) var base: UnsafeMutablePointer<RuntimeValue>
    private(set) var count: Int

    init(_ values: [RuntimeValue]) {
        count = values.count
        base = UnsafeMutablePointer<RuntimeValue>.allocate(capacity: max(1, values.count))
        _ = UnsafeMutableBufferPointer(start: base, count: values.count).initialize(from: values)
    }

    subscript(index: Int) -> RuntimeValue {
        unsafeAddress {
            precondition(index >= 0 && index < count, "slot index out of range")
            return UnsafePointer(base + index)
        }
        nonmutating unsafeMutableAddress {
            precondition(index >= 0 && index < count, "slot index out of range")
            return base + index
        }
    }

    /// Adds slots at the end (names registered after the environment was made).
    mutating func append<S: Sequence>(contentsOf values: S) where S.Element == RuntimeValue {
        let added = Array(values)
        guard !added.isEmpty else { return }
        let grown = UnsafeMutablePointer<RuntimeValue>.allocate(capacity: count + added.count)
        grown.moveInitialize(from: base, count: count)
        _ = UnsafeMutableBufferPointer(start: grown + count, count: added.count).initialize(from: added)
        base.deallocate()
        base = grown
        count += added.count
    }

    /// Deinitializes and frees the buffer.
    func destroy() {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
