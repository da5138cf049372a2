import Basics

/// Converts a located node tree to `Value` exactly as PyYAML's `SafeConstructor` builds Python objects
/// (then `json.dumps` turns dict keys into strings).
///
/// Invariants:
/// - Mappings are flattened like PyYAML's `flatten_mapping`: merged pairs first (a merged sequence of
///   mappings is applied last-to-first so earlier mappings win), then the mapping's own pairs; a later pair
///   overwrites an earlier equal key's value but keeps its position, as a Python dict does.
/// - Every node of the output counts once per occurrence with aliases expanded (merged pairs count too);
///   past `limit` the conversion stops with `yaml.alias-limit`. An anchored node is converted once and
///   reused, so work stays proportional to the count, never to the expanded size.
/// - Other errors are collected and the conversion continues with null in place of the bad part.
struct ValueConverter {
    /// Thrown once the alias expansion limit is exceeded (the diagnostic is already recorded).
    struct LimitExceeded: Error {}

    let file: String
    let limit: Int
    private(set) var diagnostics: [Diagnostic] = []
    private var expanded = 0
    private var memo: [Int: (value: Value, size: Int)] = [:]

    init(file: String, limit: Int) {
        self.file = file
        self.limit = limit
    }

    mutating func convert(_ node: YAMLNode) throws(LimitExceeded) -> Value {
        if node.anchorID >= 0, let hit = memo[node.anchorID] {
            try count(hit.size, at: node)
            return hit.value
        }
        let before = expanded
        try count(1, at: node)
        let value: Value
        switch node.content {
        case .scalar(let scalar):
            value = convertScalar(scalar, of: node)
        case .sequence(let items):
            guard checkCollectionTag(of: node, expected: .seq) else { value = .null; break }
            var array: [Value] = []
            array.reserveCapacity(items.count)
            for item in items { array.append(try convert(item)) }
            value = .array(array)
        case .mapping:
            guard checkCollectionTag(of: node, expected: .map) else { value = .null; break }
            value = .object(try convertMapping(node))
        }
        if node.anchorID >= 0 { memo[node.anchorID] = (value, expanded - before) }
        return value
    }

    // MARK: - Scalars

    private mutating func convertScalar(_ scalar: YAMLScalar, of node: YAMLNode) -> Value {
        switch ScalarResolution.resolve(scalar, explicitTag: node.tag) {
        case .value(let value):
            return value
        case .merge:
            error("yaml.invalid-value", "'<<' is the merge key and cannot be a value (PyYAML refuses it)", at: node,
                  help: "quote it: '<<'")
        case .valueKey:
            error("yaml.invalid-value", "a plain '=' cannot be a value (PyYAML resolves it to the !!value tag, which it cannot construct)",
                  at: node, help: "quote it: '='")
        case .failure(let id, let message, let help):
            error(id, message, at: node, help: help)
        }
        return .null
    }

    /// True when a collection's tag fits it (none, `!`, or the matching `!!seq` / `!!map`).
    private mutating func checkCollectionTag(of node: YAMLNode, expected: ScalarResolution.Tag) -> Bool {
        guard let tag = node.tag, tag != YAMLTag.nonSpecific else { return true }
        let resolved = ScalarResolution.tag(named: tag)
        if resolved == expected { return true }
        switch resolved {
        case .unknown, .unsupported:
            // A scalar with the same tag gets the same unknown/unsupported-tag failure.
            if case .failure(let id, let message, let help) =
                ScalarResolution.resolve(YAMLScalar(text: "", style: .plain), explicitTag: tag)
            {
                error(id, message, at: node, help: help)
            }
        default:
            let wanted = resolved == .seq ? "sequence" : resolved == .map ? "mapping" : "scalar"
            error("yaml.invalid-value", "tag \(YAMLTag.display(tag)) expects a \(wanted), but found a \(node.kindName)", at: node)
        }
        return false
    }

    // MARK: - Mappings

    private mutating func convertMapping(_ node: YAMLNode) throws(LimitExceeded) -> ValueObject {
        let pairs = try flatten(node)
        var object = ValueObject(minimumCapacity: pairs.count)
        // Only allocated when a key is not a string: Python dict identity of non-string keys, and the JSON
        // key strings they produced (a string key equal to one of those would be a duplicate JSON key).
        var nonStringKeys: [PythonKey: String] = [:]
        var nonStringForms: Set<String> = []
        for (index, pair) in pairs.enumerated() {
            let key = try convertKey(pair.key)
            let value = try convert(pair.value)
            guard let key else { continue }
            if case .string(let text) = key {
                if nonStringForms.contains(text) {
                    reportCollision(text, at: index, in: pairs)
                    continue
                }
                object[text] = value
                continue
            }
            let pythonKey = PythonKey(key)
            if let pythonKey, let existing = nonStringKeys[pythonKey] {
                object[existing] = value
                continue
            }
            let text = PythonKey.jsonKey(key) ?? ""
            if object.contains(text) {
                reportCollision(text, at: index, in: pairs)
                continue
            }
            if let pythonKey { nonStringKeys[pythonKey] = text }
            nonStringForms.insert(text)
            object[text] = value
        }
        return object
    }

    /// A scalar key's value (`=` is the string "="); nil after reporting a non-scalar or invalid key.
    private mutating func convertKey(_ node: YAMLNode) throws(LimitExceeded) -> Value? {
        guard case .scalar(let scalar) = node.content else {
            error("yaml.non-scalar-key", "a \(node.kindName) cannot be a mapping key", at: node,
                  help: "mapping keys must be scalars (strings, numbers, booleans or null)")
            return nil
        }
        try count(1, at: node)
        switch ScalarResolution.resolve(scalar, explicitTag: node.tag) {
        case .value(let value): return value
        case .valueKey: return .string("=")
        case .merge: return .string("<<")
        case .failure(let id, let message, let help):
            error(id, message, at: node, help: help)
            return nil
        }
    }

    private mutating func reportCollision(_ text: String, at index: Int, in pairs: [YAMLMappingEntry]) {
        let key = pairs[index].key
        let first = pairs[..<index].first { entry in
            guard case .scalar(let scalar) = entry.key.content,
                  case .value(let value) = ScalarResolution.resolve(scalar, explicitTag: entry.key.tag)
            else { return false }
            return PythonKey.jsonKey(value) == text
        }
        diagnostics.append(.error(
            "yaml.duplicate-key",
            "key '\(key.scalar?.text ?? "")' and an earlier key are different in Python but both become \"\(text)\" in JSON",
            at: key.range.location(in: file),
            notes: first.map { [.init("the earlier key is here", at: $0.key.range.location(in: file))] } ?? [],
            help: "write both keys as strings, or remove one of them"))
    }

    /// PyYAML's `flatten_mapping`: the pairs of a mapping with its merge keys (`<<`) expanded.
    private mutating func flatten(_ node: YAMLNode) throws(LimitExceeded) -> [YAMLMappingEntry] {
        guard case .mapping(let entries) = node.content else { return [] }
        guard entries.contains(where: { Self.isMergeKey($0.key) }) else { return entries }
        var merged: [YAMLMappingEntry] = []
        var own: [YAMLMappingEntry] = []
        for entry in entries {
            guard Self.isMergeKey(entry.key) else {
                own.append(entry)
                continue
            }
            let source = entry.value
            let countBefore = merged.count
            switch source.content {
            case .mapping:
                merged.append(contentsOf: try flatten(source))
            case .sequence(let items):
                var groups: [[YAMLMappingEntry]] = []
                for item in items {
                    guard case .mapping = item.content else {
                        error("yaml.invalid-merge", "expected a mapping for merging, but found a \(item.kindName)", at: item)
                        continue
                    }
                    groups.append(try flatten(item))
                }
                for group in groups.reversed() { merged.append(contentsOf: group) }
            case .scalar:
                error("yaml.invalid-merge", "expected a mapping or list of mappings for merging, but found a scalar",
                      at: source, help: "'<<' merges the keys of a mapping, usually an alias like '<<: *defaults'")
            }
            try count(merged.count - countBefore, at: source)
        }
        return merged + own
    }

    static func isMergeKey(_ node: YAMLNode) -> Bool {
        guard case .scalar(let scalar) = node.content else { return false }
        guard let tag = node.tag else { return scalar.style == .plain && scalar.text == "<<" }
        return tag == YAMLTag.merge || (tag == YAMLTag.nonSpecific && scalar.text == "<<")
    }

    // MARK: - Bookkeeping

    private mutating func count(_ nodes: Int, at node: YAMLNode) throws(LimitExceeded) {
        expanded += nodes
        guard expanded <= limit else {
            diagnostics.append(.error(
                "yaml.alias-limit", "expanding aliases here would create more than \(limit) nodes", at: node.range.location(in: file),
                help: "this looks like a \"billion laughs\" document; use fewer nested aliases"))
            throw LimitExceeded()
        }
    }

    private mutating func error(_ id: String, _ message: String, at node: YAMLNode, help: String? = nil) {
        diagnostics.append(.error(id, message, at: node.range.location(in: file), help: help))
    }
}
