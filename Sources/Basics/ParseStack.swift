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
