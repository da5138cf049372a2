/// Why the items could not be turned into units. `message` is one sentence a pipeline author can act on;
/// the config loader attaches the location of the `processing` key it concerns.
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

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The diagnostic id (`units.duplicate-id`, …).
    public var id: String { kind.rawValue }
    public var description: String { message }
}
