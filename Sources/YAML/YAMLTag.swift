/// The tags PyYAML's `SafeLoader` knows, in their expanded form, and their short spelling for messages.
///
/// Invariant: every constant is the full `tag:yaml.org,2002:` form that libyaml produces for `!!name`.
enum YAMLTag {
    static let prefix = "tag:yaml.org,2002:"
    static let str = "tag:yaml.org,2002:str"
    static let int = "tag:yaml.org,2002:int"
    static let float = "tag:yaml.org,2002:float"
    static let bool = "tag:yaml.org,2002:bool"
    static let null = "tag:yaml.org,2002:null"
    static let seq = "tag:yaml.org,2002:seq"
    static let map = "tag:yaml.org,2002:map"
    static let merge = "tag:yaml.org,2002:merge"
    static let timestamp = "tag:yaml.org,2002:timestamp"
    static let value = "tag:yaml.org,2002:value"
    /// Tags SafeLoader constructs into Python types that have no `Value` counterpart.
    static let unsupported: Set<String> = [
        "tag:yaml.org,2002:binary", "tag:yaml.org,2002:set", "tag:yaml.org,2002:omap",
        "tag:yaml.org,2002:pairs",
    ]
    /// The non-specific tag `!`: the node is resolved as if untagged and plain.
    static let nonSpecific = "!"

    /// `!!int` for `tag:yaml.org,2002:int`, the tag itself otherwise.
    static func display(_ tag: String) -> String {
        tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }
}
