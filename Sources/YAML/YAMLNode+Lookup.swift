import Basics

extension YAMLNode {
    /// The JSON key string a scalar key node becomes (`1` → "1", `true` → "true", `~` → "null");
    /// nil for non-scalars, merge keys and keys that do not convert.
    public var keyString: String? {
        guard case .scalar(let scalar) = content else { return nil }
        switch ScalarResolution.resolve(scalar, explicitTag: tag) {
        case .value(let value): return PythonKey.jsonKey(value)
        case .valueKey: return "="
        case .merge, .failure: return nil
        }
    }

    /// True for a `<<` merge key.
    public var isMergeKey: Bool { ValueConverter.isMergeKey(self) }

    /// The entries of a mapping as they end up in its `Value`: merge keys expanded as PyYAML's
    /// `flatten_mapping` does, in the converted object's key order, each key with the entry that supplies its
    /// value. nil when this node is not a mapping.
    public var effectiveEntries: [YAMLMappingEntry]? {
        guard case .mapping = content else { return nil }
        var order: [String] = []
        var winners: [String: YAMLMappingEntry] = [:]
        for entry in Self.flattenedPairs(of: self) {
            guard let key = entry.key.keyString else { continue }
            if winners.updateValue(entry, forKey: key) == nil { order.append(key) }
        }
        return order.compactMap { winners[$0] }
    }

    /// The entry that supplies `key`'s value in this mapping (explicit keys win over merged ones).
    public func entry(forKey key: String) -> YAMLMappingEntry? {
        guard case .mapping(let entries) = content else { return nil }
        if let own = entries.last(where: { !$0.key.isMergeKey && $0.key.keyString == key }) { return own }
        guard entries.contains(where: { $0.key.isMergeKey }) else { return nil }
        return Self.flattenedPairs(of: self).last { $0.key.keyString == key }
    }

    /// The value node for `key` in this mapping.
    public subscript(key: String) -> YAMLNode? { entry(forKey: key)?.value }

    /// The element at `index` of this sequence.
    public subscript(index: Int) -> YAMLNode? {
        guard case .sequence(let items) = content, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// The node at a path of keys and indexes below this node.
    public func node(at path: [YAMLPathComponent]) -> YAMLNode? {
        var node = self
        for component in path {
            switch component {
            case .key(let key):
                guard let next = node[key] else { return nil }
                node = next
            case .index(let index):
                guard let next = node[index] else { return nil }
                node = next
            }
        }
        return node
    }

    /// PyYAML's flattened pair list (merged pairs first, then the mapping's own pairs), ignoring bad merges.
    static func flattenedPairs(of node: YAMLNode) -> [YAMLMappingEntry] {
        guard case .mapping(let entries) = node.content else { return [] }
        var merged: [YAMLMappingEntry] = []
        var own: [YAMLMappingEntry] = []
        for entry in entries {
            guard entry.key.isMergeKey else {
                own.append(entry)
                continue
            }
            switch entry.value.content {
            case .mapping:
                merged.append(contentsOf: flattenedPairs(of: entry.value))
            case .sequence(let items):
                for item in items.reversed() where item.mapping != nil {
                    merged.append(contentsOf: flattenedPairs(of: item))
                }
            case .scalar:
                break
            }
        }
        return merged + own
    }
}
