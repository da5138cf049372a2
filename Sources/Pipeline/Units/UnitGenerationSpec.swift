import Basics

/// How items become units: the `processing` keys the generator reads (reference §1.3).
///
/// Invariants: `repeatCount >= 1`; position names are unique; `positions` is non-empty for permutation and
/// cross_product (checked by `UnitGenerator`, which reports a `UnitGenerationError` otherwise).
public struct UnitGenerationSpec: Sendable, Equatable {
    public enum Strategy: String, Sendable, CaseIterable {
        case permutation, crossProduct = "cross_product", direct
    }

    /// One slot of a unit: `name` is the unit key; `sourceKey` is the items-file list for cross_product
    /// (default `name + "s"`).
    public struct Position: Sendable, Equatable {
        public var name: String
        public var sourceKey: String?

        public init(name: String, sourceKey: String? = nil) {
            self.name = name
            self.sourceKey = sourceKey
        }
    }

    public var strategy: Strategy
    public var positions: [Position]
    /// `items.key`: the top-level list of the items file (permutation and direct).
    public var itemsKey: String?
    /// `items.name_field` (default `name`); cross_product and direct fall back to `id`, then `name`.
    public var nameField: String
    public var repeatCount: Int

    public init(strategy: Strategy = .permutation, positions: [Position] = [], itemsKey: String? = nil,
                nameField: String = "name", repeatCount: Int = 1) {
        self.strategy = strategy
        self.positions = positions
        self.itemsKey = itemsKey
        self.nameField = nameField
        self.repeatCount = repeatCount
    }
}
