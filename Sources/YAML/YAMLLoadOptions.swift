/// Limits applied while loading YAML.
///
/// Invariant: both limits are positive; exceeding one is a located error (`yaml.alias-limit`,
/// `yaml.nesting-limit`), never a crash or an unbounded allocation.
public struct YAMLLoadOptions: Sendable, Hashable {
    /// The most nodes the converted value may have with every alias expanded (a "billion laughs" file
    /// expands to ~10⁹); merged mapping entries count too.
    public var aliasExpansionLimit: Int
    /// The deepest nesting of sequences and mappings accepted (PyYAML itself fails at a few hundred levels).
    public var nestingLimit: Int

    public init(aliasExpansionLimit: Int = 1_000_000, nestingLimit: Int = 512) {
        self.aliasExpansionLimit = max(1, aliasExpansionLimit)
        self.nestingLimit = max(1, nestingLimit)
    }
}
