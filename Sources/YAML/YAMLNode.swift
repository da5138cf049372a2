/// A node of the located YAML tree: a scalar, a sequence or a mapping, with its source range.
///
/// Invariants:
/// - `content` is exactly what the source says: mapping entries keep source order and still include merge
///   (`<<`) entries and duplicates are impossible (a document with duplicate keys fails to load).
///   `effectiveEntries` gives the entries after PyYAML's merge flattening.
/// - `tag` is the explicit tag as libyaml expanded it (`!!int` → `tag:yaml.org,2002:int`, `!` stays `!`),
///   nil when the node has none.
/// - An alias `*name` is represented by a copy of the anchored node (same content, tag and anchor) whose
///   `range` is the alias's own range and whose `alias` is `name`. Copies share storage, so the tree stays
///   as small as the source even for alias bombs; never walk it recursively without expecting repetition
///   (`Value` conversion caps the expansion).
public struct YAMLNode: Sendable {
    /// What the node holds.
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLMappingEntry])
    }

    public var content: Content
    public var range: YAMLSourceRange
    /// Identity of the anchored node this node is (or refers to); -1 when it has no anchor. Used to convert
    /// an anchored node once however many aliases refer to it.
    internal var anchorID: Int
    /// Tag, anchor and alias, boxed because most nodes have none (keeps nodes small and cheap to copy).
    private var properties: Properties?

    /// The rarely present node properties.
    private final class Properties: Sendable {
        let tag: String?
        let anchor: String?
        let alias: String?

        init(tag: String?, anchor: String?, alias: String?) {
            self.tag = tag
            self.anchor = anchor
            self.alias = alias
        }
    }

    public init(
        content: Content, tag: String? = nil, anchor: String? = nil, alias: String? = nil,
        range: YAMLSourceRange
    ) {
        self.content = content
        self.range = range
        self.anchorID = -1
        self.properties = nil
        setProperties(tag: tag, anchor: anchor, alias: alias)
    }

    public var tag: String? {
        get { properties?.tag }
        set { setProperties(tag: newValue, anchor: anchor, alias: alias) }
    }

    public var anchor: String? {
        get { properties?.anchor }
        set { setProperties(tag: tag, anchor: newValue, alias: alias) }
    }

    /// The alias name when this node stands for `*name`.
    public var alias: String? {
        get { properties?.alias }
        set { setProperties(tag: tag, anchor: anchor, alias: newValue) }
    }

    private mutating func setProperties(tag: String?, anchor: String?, alias: String?) {
        properties = tag == nil && anchor == nil && alias == nil
            ? nil : Properties(tag: tag, anchor: anchor, alias: alias)
    }

    /// The scalar, when this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The elements, when this node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The source-order entries (merge keys included), when this node is a mapping.
    public var mapping: [YAMLMappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// "scalar", "sequence" or "mapping" (for messages).
    public var kindName: String {
        switch content {
        case .scalar: return "scalar"
        case .sequence: return "sequence"
        case .mapping: return "mapping"
        }
    }
}
