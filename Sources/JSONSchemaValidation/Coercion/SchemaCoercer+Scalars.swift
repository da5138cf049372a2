import Basics

extension SchemaCoercer {
    /// Converts a scalar the schema's `type` does not admit into one it does, when that is unambiguous.
    func coerceScalar(_ value: Value, to types: JSONTypeSet, plan: CoercionPlan, _ path: inout [PathComponent],
                      _ log: inout [Coercion], depth: Int) -> Value {
        var result: Value?
        if case .double(let d) = value, types.contains(.integer), !types.contains(.number),
           d.isFinite, d == d.rounded(), let i = Int(exactly: d) {
            result = .int(i)
        } else if SchemaEvaluator.matches(value, types) {
            return value
        } else if case .string(let text) = value {
            if types.contains(.integer), let i = PythonNumberParsing.int(text) {
                result = .int(i)
            } else if types.contains(.number), let d = PythonNumberParsing.float(text) {
                result = .double(d)
            } else if types.contains(.boolean), let b = Self.boolean(text) {
                result = .bool(b)
            } else if types.contains(.array) {
                result = stringToArray(text, plan: plan)
            }
        }
        guard let result else { return value }
        log.append(Coercion(path: PathComponent.render(path), from: value, to: result))
        return result
    }

    static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    /// JSON array text → that array; else `[{"tag": s}]` when the items schema has a `tag` property; else `[s]`.
    func stringToArray(_ text: String, plan: CoercionPlan) -> Value {
        if case .array(let items)? = try? JSONReader.parse(text) { return .array(items) }
        if let items = plan.items, plans[items].properties["tag"] != nil {
            return .array([.object(["tag": .string(text)])])
        }
        return .array([.string(text)])
    }

    /// The canonical enum value a near-miss string stands for, or nil (also when it is already a member).
    static func normalizedEnum(_ text: String, _ options: [Value]) -> Value? {
        if options.contains(.string(text)) { return nil }
        var candidate = Substring(text)
        if candidate.lowercased().hasPrefix("shadow ") { candidate = candidate.dropFirst(7) }
        if let bar = candidate.range(of: " | ") { candidate = candidate[..<bar.lowerBound] }
        let wanted = String(PythonNumberParsing.stripped(String(candidate))).lowercased()
        for option in options {
            if case .string(let member) = option, member.lowercased() == wanted { return option }
        }
        return nil
    }
}

/// Finds NaN and ±Infinity anywhere in a value; they are not JSON and are refused (`schema_non_finite_number`).
enum NonFiniteScan {
    static func paths(in value: Value) -> [(path: String, value: Double)] {
        guard containsNonFinite(value) else { return [] }
        var found: [(String, Double)] = []
        var path: [PathComponent] = []
        scan(value, &path, &found)
        return found
    }

    static func containsNonFinite(_ value: Value) -> Bool {
        switch value {
        case .double(let d): return !d.isFinite
        case .object(let object): return object.values.contains(where: containsNonFinite)
        case .array(let items), .tuple(let items), .set(let items): return items.contains(where: containsNonFinite)
        default: return false
        }
    }

    private static func scan(_ value: Value, _ path: inout [PathComponent], _ found: inout [(String, Double)]) {
        switch value {
        case .double(let d) where !d.isFinite:
            found.append((PathComponent.render(path), d))
        case .object(let object):
            for (key, child) in object {
                path.append(.key(key))
                scan(child, &path, &found)
                path.removeLast()
            }
        case .array(let items), .tuple(let items), .set(let items):
            for (i, child) in items.enumerated() {
                path.append(.index(i))
                scan(child, &path, &found)
                path.removeLast()
            }
        default:
            break
        }
    }
}
