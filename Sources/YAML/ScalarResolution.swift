import Basics

/// Turns a scalar node (text, style, explicit tag) into a `Value` the way PyYAML's `SafeLoader` does:
/// untagged plain scalars (and any scalar tagged `!`) go through the implicit resolver, other untagged
/// scalars are strings, explicitly tagged scalars use that tag's constructor.
///
/// Invariant: pure; failures are returned, never thrown, so that callers decide where to report them.
enum ScalarResolution {
    /// The tag a scalar ends up with.
    enum Tag: Equatable {
        case str, int, float, bool, null, timestamp, merge, value, seq, map
        case unsupported(String)
        case unknown(String)
    }

    /// What a scalar constructs to.
    enum Outcome {
        case value(Value)
        /// The merge key `<<`; only meaningful as a mapping key.
        case merge
        /// `=` (PyYAML's `tag:yaml.org,2002:value`); the string "=" as a key, an error as a value.
        case valueKey
        case failure(id: String, message: String, help: String?)
    }

    static func tag(of scalar: YAMLScalar, explicitTag: String?) -> Tag {
        if explicitTag == nil || explicitTag == YAMLTag.nonSpecific {
            guard explicitTag != nil || scalar.style == .plain else { return .str }
            switch ImplicitResolver.kind(of: scalar.text) {
            case .null: return .null
            case .bool: return .bool
            case .int: return .int
            case .float: return .float
            case .timestamp: return .timestamp
            case .merge: return .merge
            case .value: return .value
            case .string: return .str
            }
        }
        return tag(named: explicitTag ?? YAMLTag.str)
    }

    static func tag(named name: String) -> Tag {
        switch name {
        case YAMLTag.str: return .str
        case YAMLTag.int: return .int
        case YAMLTag.float: return .float
        case YAMLTag.bool: return .bool
        case YAMLTag.null: return .null
        case YAMLTag.timestamp: return .timestamp
        case YAMLTag.merge: return .merge
        case YAMLTag.value: return .value
        case YAMLTag.seq: return .seq
        case YAMLTag.map: return .map
        default: return YAMLTag.unsupported.contains(name) ? .unsupported(name) : .unknown(name)
        }
    }

    static func resolve(_ scalar: YAMLScalar, explicitTag: String?) -> Outcome {
        let text = scalar.text
        switch tag(of: scalar, explicitTag: explicitTag) {
        case .str:
            return .value(.string(text))
        case .null:
            return .value(.null)
        case .bool:
            guard let bool = ScalarConstructor.bool(text) else {
                return invalid(text, as: "bool", help: "a !!bool is one of yes/no, true/false, on/off")
            }
            return .value(.bool(bool))
        case .int:
            switch ScalarConstructor.int(text) {
            case .value(let int): return .value(.int(int))
            case .invalid: return invalid(text, as: "int", help: nil)
            case .overflow:
                return .failure(
                    id: "yaml.integer-overflow",
                    message: "integer '\(text)' does not fit in 64 bits",
                    help: "quote it to keep it as a string, or use a float (with a '.')")
            }
        case .float:
            guard let double = ScalarConstructor.float(text) else { return invalid(text, as: "float", help: nil) }
            return .value(.double(double))
        case .timestamp:
            // Deliberate deviation: Python builds a datetime; we keep the text (see README.md).
            var copy = text
            let isTimestamp = copy.withUTF8 { ImplicitResolver.isTimestamp($0) }
            return isTimestamp ? .value(.string(text)) : invalid(text, as: "timestamp", help: nil)
        case .merge:
            return .merge
        case .value:
            return .valueKey
        case .seq, .map:
            let expected = explicitTag.map(YAMLTag.display) ?? ""
            return .failure(
                id: "yaml.invalid-value",
                message: "tag \(expected) expects a \(expected == "!!seq" ? "sequence" : "mapping"), but found a scalar",
                help: nil)
        case .unsupported(let name):
            return .failure(
                id: "yaml.unknown-tag",
                message: "tag \(YAMLTag.display(name)) is not supported (it has no JSON-like value)",
                help: nil)
        case .unknown(let name):
            return unknownTag(name)
        }
    }

    static func unknownTag(_ name: String) -> Outcome {
        .failure(
            id: "yaml.unknown-tag",
            message: "unknown tag '\(YAMLTag.display(name))'",
            help: "only the standard tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map are understood")
    }

    private static func invalid(_ text: String, as type: String, help: String?) -> Outcome {
        .failure(id: "yaml.invalid-value", message: "'\(text)' is not a valid !!\(type)", help: help)
    }
}
