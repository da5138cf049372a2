import Basics

/// A test-only checker for the schema keywords `SchemaAnswerSynthesizer` promises to satisfy.
/// Returns the list of violations (empty when valid).
enum MiniSchemaChecker {
    static func violations(_ value: Value, _ schema: Value, root: Value? = nil, path: String = "$") -> [String] {
        let root = root ?? schema
        guard case .object(let s) = schema else { return [] }
        var problems: [String] = []
        if let ref = s["$ref"]?.stringValue {
            var node = root
            for token in ref.dropFirst().split(separator: "/") { node = node[String(token)] ?? .null }
            return violations(value, node, root: root, path: path)
        }
        if let first = (s["anyOf"] ?? s["oneOf"])?.arrayValue?.first {
            problems += violations(value, first, root: root, path: path)
        }
        if let constant = s["const"], constant != value { problems.append("\(path): const") }
        if let options = s["enum"]?.arrayValue, !options.contains(value) { problems.append("\(path): enum") }
        if let type = s["type"]?.stringValue {
            let ok: Bool
            switch (type, value) {
            case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
                 ("integer", .int), ("number", .int), ("number", .double): ok = true
            default: ok = false
            }
            if !ok { problems.append("\(path): type \(type)") }
        }
        if let n = value.numberValue {
            if let minimum = s["minimum"]?.numberValue, n < minimum { problems.append("\(path): minimum") }
            if let maximum = s["maximum"]?.numberValue, n > maximum { problems.append("\(path): maximum") }
            if let minimum = s["exclusiveMinimum"]?.numberValue, n <= minimum { problems.append("\(path): exclusiveMinimum") }
            if let maximum = s["exclusiveMaximum"]?.numberValue, n >= maximum { problems.append("\(path): exclusiveMaximum") }
        }
        if case .string(let text) = value {
            if let minimum = s["minLength"]?.intValue, text.count < minimum { problems.append("\(path): minLength") }
            if let maximum = s["maxLength"]?.intValue, text.count > maximum { problems.append("\(path): maxLength") }
        }
        if case .array(let items) = value {
            if let minimum = s["minItems"]?.intValue, items.count < minimum { problems.append("\(path): minItems") }
            if let maximum = s["maxItems"]?.intValue, items.count > maximum { problems.append("\(path): maxItems") }
            if let itemSchema = s["items"] {
                for (i, item) in items.enumerated() { problems += violations(item, itemSchema, root: root, path: "\(path)[\(i)]") }
            }
        }
        if case .object(let object) = value {
            for case .string(let name) in s["required"]?.arrayValue ?? [] where object[name] == nil {
                problems.append("\(path): required \(name)")
            }
            for (name, propertySchema) in s["properties"]?.objectValue ?? [:] {
                if let member = object[name] { problems += violations(member, propertySchema, root: root, path: "\(path).\(name)") }
            }
        }
        return problems
    }
}
