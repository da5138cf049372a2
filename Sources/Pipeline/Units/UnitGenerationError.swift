/// Why the items could not be turned into units. `message` is one sentence a pipeline author can act on;
/// `itemPath`, when set, is where in the items document the offending item (or its name field) is, so the
/// plan compiler can point into the items file; `configPath` names the config key to blame instead; with
/// neither, the plan compiler points at the `processing` key that governs the problem.
public struct UnitGenerationError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case itemsShape = "units.items-shape"
        case missingPositions = "units.missing-positions"
        case missingSourceKey = "units.missing-source-key"
        case notEnoughItems = "units.not-enough-items"
        case missingName = "units.missing-name"
        case duplicateUnitID = "units.duplicate-id"
        case tooMany = "units.too-many"
    }

    public var kind: Kind
    public var message: String
    /// The offending item's place in the items document (`topics[1].id`), when one item is to blame.
    public var itemPath: ConfigPath?
    /// The config key to blame when it is not the item's fault (`processing.positions[1].source_key`).
    public var configPath: ConfigPath?

    public init(_ kind: Kind, _ message: String, itemPath: ConfigPath? = nil, configPath: ConfigPath? = nil) {
        self.kind = kind
        self.message = message
        self.itemPath = itemPath
        self.configPath = configPath
    }

    /// The diagnostic id (`units.duplicate-id`, …).
    public var id: String { kind.rawValue }
    public var description: String { message }
}
