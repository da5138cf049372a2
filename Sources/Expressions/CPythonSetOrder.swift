import Basics

/// The iteration order CPython 3.11 gives a set built by adding `items` one by one to an empty set
/// (`set(iterable)`, `{a, b}`, set comprehensions), for elements whose hash is deterministic: ints, bools
/// and floats with integral values. Other sets (strings hash randomly per process in CPython) keep
/// insertion order.
///
/// Invariant: follows `setobject.c` — table of 8 slots, `LINEAR_PROBES` = 9, `PERTURB_SHIFT` = 5, resize when
/// `fill * 5 >= mask * 3` to the smallest power of two above `used * 4` (`used * 2` past 50,000), re-inserting
/// in table order.
enum CPythonSetOrder {
    private static let linearProbes = 9
    private static let perturbShift: UInt64 = 5
    private static let modulus: UInt64 = (1 << 61) - 1

    /// CPython's `hash()` for the supported elements, or nil.
    static func hash(_ v: Value) -> Int? {
        switch v {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return intHash(i)
        case .double(let d):
            guard d.rounded(.down) == d, let i = Int(exactly: d) else { return nil }
            return intHash(i)
        default: return nil
        }
    }

    static func intHash(_ i: Int) -> Int {
        let magnitude = Int(UInt64(i.magnitude) % modulus)
        let h = i < 0 ? -magnitude : magnitude
        return h == -1 ? -2 : h
    }

    /// `items` (already free of duplicates) in CPython's iteration order, or unchanged if unsupported.
    static func ordered(_ items: [Value]) -> [Value] {
        guard items.count > 1, let hashes = hashes(items) else { return items }
        return sequential(Array(items.indices), hashes).order.map { items[$0] }
    }

    /// A set display whose elements are all constants: CPython folds it to a frozenset (built from the
    /// elements, then rebuilt by `merge_consts` in that set's order); with more than two elements
    /// `BUILD_SET 0; SET_UPDATE` then merges it into a new set (`asDisplay`), for a `for` iterable the
    /// frozenset itself is iterated.
    static func constantOrdered(_ items: [Value], asDisplay: Bool) -> [Value] {
        guard items.count > 1, let hashes = hashes(items) else { return items }
        let first = sequential(Array(items.indices), hashes)
        let frozen = sequential(first.order, hashes)
        guard asDisplay, items.count > 2 else { return frozen.order.map { items[$0] } }
        // set_merge into an empty set of 8 slots: pre-resize, then copy slots or insert in table order.
        var size = 8
        if items.count * 5 >= 7 * 3 {
            size = 8
            while size <= items.count * 2 { size <<= 1 }
        }
        if size == frozen.size { return frozen.order.map { items[$0] } }
        var table = [Int?](repeating: nil, count: size)
        for e in frozen.order { insert(e, hash: hashes[e], into: &table) }
        return table.compactMap { $0.map { items[$0] } }
    }

    private static func hashes(_ items: [Value]) -> [Int]? {
        var out: [Int] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard let h = hash(item) else { return nil }
            out.append(h)
        }
        return out
    }

    /// Adds `elements` one by one to an empty set (`set_add_entry` with resizing); returns the iteration
    /// order and the final table size.
    private static func sequential(_ elements: [Int], _ hashes: [Int]) -> (order: [Int], size: Int) {
        var table = [Int?](repeating: nil, count: 8)
        var fill = 0
        for element in elements {
            insert(element, hash: hashes[element], into: &table)
            fill += 1
            let mask = table.count - 1
            if fill * 5 >= mask * 3 {
                let minused = fill > 50_000 ? fill * 2 : fill * 4
                var newSize = 8
                while newSize <= minused { newSize <<= 1 }
                var newTable = [Int?](repeating: nil, count: newSize)
                for case let e? in table { insert(e, hash: hashes[e], into: &newTable) }
                table = newTable
            }
        }
        return (table.compactMap { $0 }, table.count)
    }

    /// `set_insert_clean`: the first free slot on the probe sequence (no equal element is present).
    private static func insert(_ element: Int, hash: Int, into table: inout [Int?]) {
        let mask = UInt64(table.count - 1)
        var perturb = UInt64(bitPattern: Int64(hash))
        var i = perturb & mask
        while true {
            if table[Int(i)] == nil { table[Int(i)] = element; return }
            if i + UInt64(linearProbes) <= mask {
                for j in 1...UInt64(linearProbes) where table[Int(i + j)] == nil {
                    table[Int(i + j)] = element
                    return
                }
            }
            perturb >>= perturbShift
            i = (i &* 5 &+ 1 &+ perturb) & mask
        }
    }
}
