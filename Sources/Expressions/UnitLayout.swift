import Basics

/// What an expression step needs to know about one key layout of its units, worked out once and reused for
/// every unit with the same keys in the same order (records of one file share a layout; the JSONL reader
/// even shares their key arrays, so recognising a layout is one identity check).
///
/// Invariants: `bindingSlots[i]` is the slot the unit's `keys[i]` binds to, or -1 (hidden or never read);
/// `outputKeys` are the unit's keys, then the step's assigned names that the unit lacks in first-assignment
/// order, then `_metadata` if still absent — distinct, as the output record's keys must be;
/// `assignedIndices[k]` is where the k-th assigned name (init names, then expression names) goes in them;
/// `mutatedIndices` are the unit fields mutated in place that no expression assigns.
struct UnitLayout {
    let keys: [String]
    let bindingSlots: [Int]
    let outputKeys: [String]
    let assignedIndices: [Int]
    let metadataIndex: Int
    let hasMetadata: Bool
    let mutatedIndices: [(index: Int, slot: Int)]

    init(keys: [String], bindings: [String: Int], assignedNames: [String],
         mutatedPassThrough: [(name: String, slot: Int)]) {
        self.keys = keys
        bindingSlots = keys.map { bindings[$0] ?? -1 }
        var output = keys
        var position: [String: Int] = [:]
        for (i, key) in keys.enumerated() { position[key] = i }
        func index(of name: String) -> Int {
            if let i = position[name] { return i }
            output.append(name)
            position[name] = output.count - 1
            return output.count - 1
        }
        hasMetadata = position["_metadata"] != nil
        assignedIndices = assignedNames.map(index(of:))
        metadataIndex = index(of: "_metadata")
        outputKeys = output
        mutatedIndices = mutatedPassThrough.compactMap { entry in
            keys.firstIndex(of: entry.name).map { ($0, entry.slot) }
        }
    }

    /// Whether `unit` has exactly this layout's keys (an identity check when they share the key array).
    func matches(_ unit: ValueObject) -> Bool { unit.keys == keys }
}
