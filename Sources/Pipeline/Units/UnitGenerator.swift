import Basics

/// Turns the items file into units exactly as the Python tool's `generate_units.py` does.
///
/// Invariants, all byte-compatible with the Python tool:
/// - ids: `sanitize(name)` joined with `-`, where `sanitize(x) = str(x).replace(" ", "_").replace("/", "-")`;
///   a falsy name (missing, null, empty, 0, false) is an error; a duplicate id is an error.
/// - permutation: `itertools.permutations(items, len(positions))` order; unit = `{unit_id, <pos>: <item>...}`.
/// - cross_product: `itertools.product` over each position's list; names fall back to `id`, then `name`.
/// - direct: unit = `{unit_id}`, declared positions present in the item, then every item key not yet set.
/// - repeat N > 1: interleaved (`rep 0` of every unit, then `rep 1`, …), `unit_id = base + "__rep%04d"`,
///   `_repetition_id`, and `_repetition_seed = seed(base id) + rep` (not masked again).
/// - `maxUnits` truncates the final list (after repetition).
/// Units are produced lazily in order by `forEachUnit`, so memory does not grow with `repeat`.
public struct UnitGenerator: Sendable {
    public let spec: UnitGenerationSpec
    /// The refusal threshold for the total count (a permutation of 40 items over 6 positions is 2.8 billion).
    public var maximumUnits = 50_000_000

    public init(spec: UnitGenerationSpec) { self.spec = spec }

    /// The base units (before repetition) for the loaded items document.
    public func baseUnits(items document: Value) throws(UnitGenerationError) -> [ValueObject] {
        switch spec.strategy {
        case .permutation: return try permutationUnits(document)
        case .crossProduct: return try crossProductUnits(document)
        case .direct: return try directUnits(document)
        }
    }

    /// The number of units the run will have (after repetition and `maxUnits`).
    public func unitCount(items document: Value, maxUnits: Int? = nil) throws(UnitGenerationError) -> Int {
        let total = try baseUnits(items: document).count * max(1, spec.repeatCount)
        return maxUnits.map { min($0, total) } ?? total
    }

    /// Calls `body` with every unit in order; stops after `maxUnits` units.
    public func forEachUnit(items document: Value, maxUnits: Int? = nil,
                            _ body: (ValueObject) throws -> Void) throws {
        let base = try baseUnits(items: document)
        let limit = maxUnits ?? Int.max
        var produced = 0
        if spec.repeatCount <= 1 {
            for unit in base where produced < limit {
                try body(unit)
                produced += 1
            }
            return
        }
        let seeds = base.map { SHA256.octobatchSeed($0["unit_id"]?.stringValue ?? "") }
        for rep in 0..<spec.repeatCount {
            for (i, unit) in base.enumerated() {
                guard produced < limit else { return }
                var repeated = unit
                let baseID = unit["unit_id"]?.stringValue ?? ""
                repeated["_repetition_id"] = .int(rep)
                repeated["_repetition_seed"] = .int(seeds[i] + rep)
                repeated["unit_id"] = .string(baseID + "__rep" + Self.zeroPadded(rep, width: 4))
                try body(repeated)
                produced += 1
            }
        }
    }

    /// All units in order (convenience for small runs and tests).
    public func units(items document: Value, maxUnits: Int? = nil) throws -> [ValueObject] {
        var result: [ValueObject] = []
        try forEachUnit(items: document, maxUnits: maxUnits) { result.append($0) }
        return result
    }

    static func zeroPadded(_ n: Int, width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    static func sanitize(_ name: Value) -> String {
        name.pythonStr.replacingOccurrences(" ", with: "_").replacingOccurrences("/", with: "-")
    }

    /// Python truthiness for the id check (`if not name: raise`).
    static func isFalsy(_ value: Value?) -> Bool {
        guard let value else { return true }
        switch value {
        case .null: return true
        case .bool(let b): return !b
        case .int(let i): return i == 0
        case .double(let d): return d == 0
        case .string(let s): return s.isEmpty
        case .array(let a), .tuple(let a), .set(let a): return a.isEmpty
        case .object(let o): return o.isEmpty
        }
    }
}

extension String {
    /// Literal (non-regex) replacement of every occurrence, without Foundation.
    func replacingOccurrences(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var out = ""
        out.reserveCapacity(count)
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
