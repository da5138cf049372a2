import Basics

/// Filters over sequences and mappings: `length`, `first`, `last`, `join`, `sort`, `unique`, `reverse`,
/// `list`, `min`, `max`, `sum`, `dictsort`, `items`, `batch`, `slice`, `attr`.
enum SequenceFilters {
    static func apply(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        switch f.name {
        case "length", "count":
            _ = try f.bind([])
            return .value(.int(try f.renderer.length(f.value, at: f.at)))
        case "list":
            _ = try f.bind([])
            return .value(.array(try f.items()))
        case "first":
            _ = try f.bind([])
            if let first = try f.items().first { return .value(first) }
            return .undefined(Undefined(message: "No first item, sequence was empty.", location: f.renderer.location(f.at)))
        case "last": return try last(f)
        case "join": return try join(f)
        case "sort": return try sort(f)
        case "unique": return try unique(f)
        case "reverse": return try reverse(f)
        case "min", "max": return try minMax(f)
        case "sum": return try sum(f)
        case "dictsort": return try dictsort(f)
        case "items":
            _ = try f.bind([])
            if f.value.isUndefined { return .sequence(LazySequence(items: [], kind: .generator)) }
            guard case .object(let o) = try f.input() else {
                throw f.fail(.type, "Can only get item pairs from a mapping.")
            }
            return .sequence(LazySequence(items: o.map { .tuple([.string($0.key), $0.value]) }, kind: .generator))
        case "batch": return try batch(f)
        case "slice": return try slice(f)
        case "attr":
            let args = try f.bind(["name"], required: 1)
            let name = try f.text(args[0], default: "")
            return try f.renderer.attribute(of: f.value, name, at: f.at)
        default:
            throw f.fail(.argument, "No filter named '\(f.name)'.")
        }
    }

    private static func last(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        _ = try f.bind([])
        if case .sequence(let s) = f.value, !s.hasLength {
            throw f.fail(.type, "'\(s.typeName)' object is not reversible")
        }
        if case .value(.set) = f.value { throw f.fail(.type, "'set' object is not reversible") }
        if let last = try f.items().last { return .value(last) }
        return .undefined(Undefined(message: "No last item, sequence was empty.", location: f.renderer.location(f.at)))
    }

    private static func join(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        let args = try f.bind(["d", "attribute"])
        let separator = try f.text(args[0], default: "")
        var parts: [String] = []
        let items = try f.items()
        if let attribute = try f.plain(args[1]), !attribute.isNull {
            let getter = f.attributeGetter(attribute)
            for item in items { parts.append(try f.renderer.text(of: try getter(item), at: f.at)) }
        } else {
            for item in items { parts.append(item.pythonStr) }
        }
        return .value(.string(parts.joined(separator: separator)))
    }

    /// Python's `sorted(items, key=key, reverse=reverse)`: stable, `<` only, TypeError on mixed types.
    static func sorted(_ items: [Value], keys: [Value], reverse: Bool, _ f: FilterInvocation) throws(TemplateError)
        -> [Value]
    {
        try sortedIndices(keys, reverse: reverse, f).map { items[$0] }
    }

    /// The positions of `keys` in Python's stable sorted order.
    static func sortedIndices(_ keys: [Value], reverse: Bool, _ f: FilterInvocation) throws(TemplateError) -> [Int] {
        var failure: PythonError? = nil
        let order = Array(keys.indices).sorted { i, j in
            if failure != nil { return i < j }
            do throws(PythonError) {
                let (a, b) = reverse ? (keys[j], keys[i]) : (keys[i], keys[j])
                if try PythonValues.less(a, b) { return true }
                if try PythonValues.less(b, a) { return false }
            } catch {
                failure = error
            }
            return i < j
        }
        if let failure { throw f.fail(failure) }
        return order
    }

    static func keys(_ items: [Value], attribute: Value?, caseSensitive: Bool, _ f: FilterInvocation)
        throws(TemplateError) -> [Value]
    {
        let getter = f.attributeGetter(attribute, lowercase: !caseSensitive)
        var keys: [Value] = []
        keys.reserveCapacity(items.count)
        for item in items { keys.append(try f.renderer.toValue(try getter(item), at: f.at)) }
        return keys
    }

    private static func sort(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        let args = try f.bind(["reverse", "case_sensitive", "attribute"])
        let items = try f.items()
        if items.count < 2 { return .value(.array(items)) }  // no comparison happens in Python either
        let caseSensitive = try f.bool(args[1], default: false)
        let attribute = try f.plain(args[2])
        var keys: [Value]
        if case .string(let spec)? = attribute, spec.contains(",") {
            // make_multi_attrgetter: one key per comma-separated attribute, compared as a list.
            let columns = try spec.split(separator: ",", omittingEmptySubsequences: false).map {
                (part: Substring) throws(TemplateError) -> [Value] in
                try Self.keys(items, attribute: .string(String(part)), caseSensitive: caseSensitive, f)
            }
            keys = items.indices.map { i in .array(columns.map { $0[i] }) }
        } else {
            keys = try Self.keys(items, attribute: attribute, caseSensitive: caseSensitive, f)
        }
        return .value(.array(try sorted(items, keys: keys, reverse: try f.bool(args[0], default: false), f)))
    }

    private static func unique(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        let args = try f.bind(["case_sensitive", "attribute"])
        let items = try f.items()
        let keys = try keys(items, attribute: try f.plain(args[1]),
                            caseSensitive: try f.bool(args[0], default: false), f)
        // Python collects the keys in a set.
        if let unhashable = keys.first(where: { !isHashable($0) }) {
            throw f.fail(.type, "unhashable type: '\(unhashable.pythonTypeName)'")
        }
        var seen: [Value] = []
        var result: [Value] = []
        for (item, key) in zip(items, keys) where !seen.contains(where: { PythonValues.equals($0, key) }) {
            seen.append(key)
            result.append(item)
        }
        return .sequence(LazySequence(items: result, kind: .generator))
    }

    private static func isHashable(_ value: Value) -> Bool {
        switch value {
        case .array, .object, .set: return false
        case .tuple(let items): return items.allSatisfy(isHashable)
        default: return true
        }
    }

    private static func reverse(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        _ = try f.bind([])
        switch f.value {
        case .value(.string(let s)): return .value(.string(PythonStrings.string(s.unicodeScalars.reversed())))
        case .value(.array(let a)): return .sequence(LazySequence(items: a.reversed(), kind: .reverseIterator("list")))
        case .value(.tuple(let a)): return .sequence(LazySequence(items: a.reversed(), kind: .generator))
        case .value(.object(let o)):
            return .sequence(LazySequence(items: o.keys.reversed().map { .string($0) }, kind: .reverseIterator("dict")))
        default:
            return .value(.array(try f.items().reversed()))
        }
    }

    private static func minMax(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        let args = try f.bind(["case_sensitive", "attribute"])
        let items = try f.items()
        guard !items.isEmpty else {
            return .undefined(Undefined(message: "No aggregated item, sequence was empty.",
                                        location: f.renderer.location(f.at)))
        }
        if items.count == 1 { return .value(items[0]) }  // Python compares nothing, so a bad key is fine
        let keys = try keys(items, attribute: try f.plain(args[1]),
                            caseSensitive: try f.bool(args[0], default: false), f)
        var best = 0
        do throws(PythonError) {
            for i in 1..<items.count {
                let better = f.name == "min" ? try PythonValues.less(keys[i], keys[best])
                                             : try PythonValues.less(keys[best], keys[i])
                if better { best = i }
            }
        } catch { throw f.fail(error) }
        return .value(items[best])
    }

    private static func sum(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        let args = try f.bind(["attribute", "start"])
        var total = try f.plain(args[1]) ?? .int(0)
        let items = try f.items()
        let attribute = try f.plain(args[0])
        let getter = f.attributeGetter(attribute)
        for item in items {
            let term = attribute == nil || attribute == .null ? item : try f.renderer.toValue(try getter(item), at: f.at)
            do { total = try PythonArithmetic.apply(.add, total, term) } catch { throw f.fail(error) }
        }
        return .value(total)
    }

    private static func dictsort(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        let args = try f.bind(["case_sensitive", "by", "reverse"])
        guard case .object(let o) = try f.input() else {
            let v = try f.input()
            throw f.fail(.type, "'\(v.pythonTypeName)' object has no attribute 'items'")
        }
        let by = try f.text(args[1], default: "key")
        guard by == "key" || by == "value" else {
            throw f.fail(.argument, "You can only sort by either \"key\" or \"value\"")
        }
        let caseSensitive = try f.bool(args[0], default: false)
        let items: [Value] = o.map { .tuple([.string($0.key), $0.value]) }
        let keys: [Value] = o.map { pair in
            let key = by == "key" ? Value.string(pair.key) : pair.value
            if !caseSensitive, case .string(let s) = key { return .string(s.lowercased()) }
            return key
        }
        return .value(.array(try sorted(items, keys: keys, reverse: try f.bool(args[2], default: false), f)))
    }

    private static func batch(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        let args = try f.bind(["linecount", "fill_with"], required: 1)
        let count = try f.int(args[0], default: 1)
        let fill = try f.plain(args[1])
        guard count > 0 else { throw f.fail(.value, "batch size must be positive") }
        var result: [Value] = []
        var current: [Value] = []
        for item in try f.items() {
            if current.count == count {
                result.append(.array(current))
                current = []
            }
            current.append(item)
        }
        if !current.isEmpty {
            if let fill, !fill.isNull, current.count < count {
                current += Array(repeating: fill, count: count - current.count)
            }
            result.append(.array(current))
        }
        return .sequence(LazySequence(items: result, kind: .generator))
    }

    private static func slice(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        let args = try f.bind(["slices", "fill_with"], required: 1)
        let slices = try f.int(args[0], default: 1)
        let fill = try f.plain(args[1])
        let items = try f.items()
        guard slices > 0 else { throw f.fail(.value, "integer division or modulo by zero") }
        let perSlice = items.count / slices
        let withExtra = items.count % slices
        var offset = 0
        var result: [Value] = []
        for number in 0..<slices {
            let start = offset + number * perSlice
            if number < withExtra { offset += 1 }
            let end = offset + (number + 1) * perSlice
            var part = Array(items[min(start, items.count)..<min(end, items.count)])
            if let fill, !fill.isNull, number >= withExtra { part.append(fill) }
            result.append(.array(part))
        }
        return .sequence(LazySequence(items: result, kind: .generator))
    }
}
