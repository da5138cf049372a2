import Basics

/// Reads one mapping of the config with type checks, reporting every problem as a located diagnostic and
/// carrying on, so that one pass finds all mistakes.
///
/// Invariants: every accessor records at most one diagnostic per key and returns nil for a missing or
/// ill-typed value; `finish(allowed:)` reports each key that no accessor consumed as unknown, with a
/// did-you-mean suggestion from the keys that are allowed there.
public struct ConfigReader {
    public let path: ConfigPath
    public let object: ValueObject
    let locator: any SourceLocator
    private(set) var consumed: Set<String> = []

    public init(path: ConfigPath, object: ValueObject, locator: any SourceLocator) {
        self.path = path
        self.object = object
        self.locator = locator
    }

    public func location(_ key: String? = nil, keyItself: Bool = false) -> SourceLocation? {
        locator.location(of: key.map { path.appending($0) } ?? path, key: keyItself)
    }

    public func has(_ key: String) -> Bool { object.contains(key) }

    /// The raw value of `key`, marking it consumed.
    public mutating func raw(_ key: String) -> Value? {
        consumed.insert(key)
        return object[key]
    }

    mutating func typed<T>(_ key: String, _ expected: String, into diagnostics: inout DiagnosticCollector,
                           required: Bool, _ convert: (Value) -> T?) -> T? {
        guard let value = raw(key), !(value.isNull && !required) else {
            if required {
                diagnostics.error("config.missing-key", "'\(path.appending(key))' is required",
                                  at: location(), help: "add '\(key):' to \(path)")
            }
            return nil
        }
        if let converted = convert(value) { return converted }
        diagnostics.error("config.wrong-type",
                          "'\(path.appending(key))' must be \(expected), not \(describe(value))",
                          at: location(key))
        return nil
    }

    public mutating func string(_ key: String, required: Bool = false,
                                into diagnostics: inout DiagnosticCollector) -> String? {
        typed(key, "a string", into: &diagnostics, required: required) { $0.stringValue }
    }

    public mutating func bool(_ key: String, into diagnostics: inout DiagnosticCollector) -> Bool? {
        typed(key, "true or false", into: &diagnostics, required: false) { $0.boolValue }
    }

    public mutating func int(_ key: String, required: Bool = false, minimum: Int? = nil,
                             into diagnostics: inout DiagnosticCollector) -> Int? {
        guard let n = typed(key, "a whole number", into: &diagnostics, required: required, { $0.intValue }) else {
            return nil
        }
        if let minimum, n < minimum {
            diagnostics.error("config.bad-value", "'\(path.appending(key))' must be at least \(minimum), not \(n)",
                              at: location(key))
            return nil
        }
        return n
    }

    public mutating func number(_ key: String, minimum: Double? = nil, maximum: Double? = nil,
                                into diagnostics: inout DiagnosticCollector) -> Double? {
        guard let x = typed(key, "a number", into: &diagnostics, required: false, { $0.numberValue }) else {
            return nil
        }
        if let minimum, x < minimum {
            diagnostics.error("config.bad-value", "'\(path.appending(key))' must be at least \(PythonFloat.repr(minimum)), not \(PythonFloat.repr(x))",
                              at: location(key))
            return nil
        }
        if let maximum, x > maximum {
            diagnostics.error("config.bad-value", "'\(path.appending(key))' must be at most \(PythonFloat.repr(maximum)), not \(PythonFloat.repr(x))",
                              at: location(key))
            return nil
        }
        return x
    }

    /// A string that must be one of `allowed` (case-sensitive unless `caseInsensitive`).
    public mutating func choice(_ key: String, _ allowed: [String], caseInsensitive: Bool = false,
                                into diagnostics: inout DiagnosticCollector) -> String? {
        guard let text = string(key, into: &diagnostics) else { return nil }
        let normalised = caseInsensitive ? text.lowercased() : text
        if allowed.contains(normalised) { return normalised }
        var message = "'\(path.appending(key))' must be one of \(allowed.joined(separator: ", ")), not '\(text)'"
        if let near = EditDistance.suggestion(for: text, from: allowed) { message += " (did you mean '\(near)'?)" }
        diagnostics.error("config.bad-value", message, at: location(key))
        return nil
    }

    public mutating func stringList(_ key: String, into diagnostics: inout DiagnosticCollector) -> [String]? {
        guard let value = raw(key), !value.isNull else { return nil }
        guard case .array(let items) = value else {
            diagnostics.error("config.wrong-type", "'\(path.appending(key))' must be a list of strings, not \(describe(value))",
                              at: location(key))
            return nil
        }
        var result: [String] = []
        for (i, item) in items.enumerated() {
            if let s = item.stringValue {
                result.append(s)
            } else {
                diagnostics.error("config.wrong-type", "'\(path.appending(key).appending(i))' must be a string, not \(describe(item))",
                                  at: locator.location(of: path.appending(key).appending(i), key: false))
            }
        }
        return result
    }

    /// A mapping of names to expression strings, in document order (numbers and booleans are accepted and
    /// kept as their YAML text's Python form, as asteval would evaluate `str(value)`).
    public mutating func expressionMap(_ key: String, into diagnostics: inout DiagnosticCollector) -> [NamedSource]? {
        guard let value = raw(key), !value.isNull else { return nil }
        guard case .object(let map) = value else {
            diagnostics.error("config.wrong-type", "'\(path.appending(key))' must be a mapping of name: expression, not \(describe(value))",
                              at: location(key))
            return nil
        }
        var result: [NamedSource] = []
        for (name, source) in map {
            let itemPath = path.appending(key).appending(name)
            switch source {
            case .string(let text):
                result.append(NamedSource(name: name, source: text, path: itemPath))
            case .int, .double, .bool:
                result.append(NamedSource(name: name, source: source.pythonStr, path: itemPath))
            default:
                diagnostics.error("config.wrong-type", "'\(itemPath)' must be an expression string, not \(describe(source))",
                                  at: locator.location(of: itemPath, key: false))
            }
        }
        return result
    }

    /// A nested mapping as its own reader (nil if absent; a diagnostic if not a mapping).
    public mutating func child(_ key: String, required: Bool = false,
                               into diagnostics: inout DiagnosticCollector) -> ConfigReader? {
        guard let value = raw(key), !value.isNull else {
            if required {
                diagnostics.error("config.missing-key", "'\(path.appending(key))' is required", at: location(),
                                  help: "add '\(key):' to \(path)")
            }
            return nil
        }
        guard case .object(let object) = value else {
            diagnostics.error("config.wrong-type", "'\(path.appending(key))' must be a mapping, not \(describe(value))",
                              at: location(key))
            return nil
        }
        return ConfigReader(path: path.appending(key), object: object, locator: locator)
    }

    /// The elements of a list (nil if absent; a diagnostic if not a list).
    public mutating func list(_ key: String, required: Bool = false,
                              into diagnostics: inout DiagnosticCollector) -> [(ConfigPath, Value)]? {
        guard let value = raw(key), !value.isNull else {
            if required {
                diagnostics.error("config.missing-key", "'\(path.appending(key))' is required", at: location(),
                                  help: "add '\(key):' to \(path)")
            }
            return nil
        }
        guard case .array(let items) = value else {
            diagnostics.error("config.wrong-type", "'\(path.appending(key))' must be a list, not \(describe(value))",
                              at: location(key))
            return nil
        }
        return items.enumerated().map { (path.appending(key).appending($0.offset), $0.element) }
    }

    /// Reports every key no accessor consumed.
    public func finish(allowed: [String], into diagnostics: inout DiagnosticCollector) {
        for key in object.keys where !consumed.contains(key) {
            let help = EditDistance.didYouMean(key, in: allowed)
                ?? "keys allowed in \(path): \(allowed.joined(separator: ", "))"
            diagnostics.error("config.unknown-key", "unknown key '\(key)' in \(path)",
                              at: location(key, keyItself: true), help: help)
        }
    }

    func describe(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return "the number \(i)"
        case .double(let d): return "the number \(PythonFloat.repr(d))"
        case .string(let s): return "the string '\(s.count > 40 ? String(s.prefix(40)) + "…" : s)'"
        case .array, .tuple, .set: return "a list"
        case .object: return "a mapping"
        }
    }
}

/// A named piece of source in the config (an expression, a template name) with where it came from.
public struct NamedSource: Sendable, Equatable {
    public var name: String
    public var source: String
    public var path: ConfigPath

    public init(name: String, source: String, path: ConfigPath) {
        self.name = name
        self.source = source
        self.path = path
    }
}
