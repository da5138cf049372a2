import Basics

/// `groupby(attribute, default=None, case_sensitive=False)`: items sorted by the attribute, grouped by
/// equal keys, as a list of `(grouper, list)` tuples; `group.grouper` and `group.list` are answered by
/// `Renderer.attribute(of:)` for any 2-tuple (Jinja2 returns named tuples; see README).
enum GroupingFilters {
    static func groupBy(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        let args = try f.bind(["attribute", "default", "case_sensitive"], required: 1)
        let attribute = try f.plain(args[0])
        let fallback = args[1].flatMap { value -> RuntimeValue? in
            if case .value(.null) = value { return nil }
            return value
        }
        let caseSensitive = try f.bool(args[2], default: false)
        let items = try f.items()
        let keyGetter = f.attributeGetter(attribute, default: fallback, lowercase: !caseSensitive)
        var keys: [Value] = []
        for item in items { keys.append(try f.renderer.toValue(try keyGetter(item), at: f.at)) }
        let sorted = try SequenceFilters.sortedIndices(keys, reverse: false, f)
        let realKey = f.attributeGetter(attribute, default: fallback)
        var groups: [Value] = []
        var currentKey: Value? = nil
        var members: [Value] = []
        func flush() throws(TemplateError) {
            guard let first = members.first else { return }
            let grouper = caseSensitive ? (currentKey ?? .null) : try f.renderer.toValue(try realKey(first), at: f.at)
            groups.append(.tuple([grouper, .array(members)]))
            members = []
        }
        for index in sorted {
            if let key = currentKey, PythonValues.equals(key, keys[index]) {
                members.append(items[index])
                continue
            }
            try flush()
            currentKey = keys[index]
            members = [items[index]]
        }
        try flush()
        return .value(.array(groups))
    }
}
