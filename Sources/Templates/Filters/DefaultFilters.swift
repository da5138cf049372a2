import Basics

/// `default`/`d` (the one filter that accepts an undefined input) and `tojson`.
enum DefaultFilters {
    /// `default(default_value='', boolean=False)`.
    static func defaultValue(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        let args = try f.bind(["default_value", "boolean"])
        let fallback = args[0] ?? .value(.string(""))
        if f.value.isUndefined { return fallback }
        if try f.bool(args[1], default: false), !(try f.renderer.isTrue(f.value, at: f.at)) { return fallback }
        return f.value
    }

    /// `tojson(indent=None)`: `json.dumps(sort_keys=True)` then `<`, `>`, `&`, `'` as `\u003c` etc.
    static func toJSON(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        let args = try f.bind(["indent"])
        let value: Value
        do {
            value = try f.input()
        } catch where error.kind == .undefined {
            throw f.fail(.type, "Object of type StrictUndefined is not JSON serializable")
        }
        var writer = JSONWriter(sortKeys: true)
        if let indent = try f.plain(args[0]), !indent.isNull {
            guard case .int(let n) = indent else {
                throw f.fail(.unsupported, "tojson indent must be an integer")
            }
            writer.layout = n >= 0 ? .indented(n) : .indented(0)
        }
        try checkSerializable(value, f)
        var text = ""
        for scalar in writer.string(value).unicodeScalars {
            switch scalar {
            case "<": text += "\\u003c"
            case ">": text += "\\u003e"
            case "&": text += "\\u0026"
            case "'": text += "\\u0027"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return .value(.string(text))
    }

    private static func checkSerializable(_ value: Value, _ f: FilterInvocation) throws(TemplateError) {
        switch value {
        case .set: throw f.fail(.type, "Object of type set is not JSON serializable")
        case .array(let items), .tuple(let items): for item in items { try checkSerializable(item, f) }
        case .object(let o): for (_, v) in o { try checkSerializable(v, f) }
        default: break
        }
    }
}
