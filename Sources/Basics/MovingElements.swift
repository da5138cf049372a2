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
