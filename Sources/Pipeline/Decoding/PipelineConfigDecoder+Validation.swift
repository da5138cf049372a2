import Basics

extension PipelineConfigDecoder {
    static let validationTypes = ["integer", "float", "number", "string", "boolean", "array", "list", "object", "dict"]

    func decodeValidation(_ r: inout ConfigReader,
                          into d: inout DiagnosticCollector) -> [String: PipelineConfig.StepValidation] {
        var result: [String: PipelineConfig.StepValidation] = [:]
        for step in r.object.keys {
            guard var v = r.child(step, into: &d) else { continue }
            var entry = PipelineConfig.StepValidation(path: v.path)
            entry.required = v.stringList("required", into: &d) ?? []
            if var types = v.child("types", into: &d) {
                for field in types.object.keys {
                    guard let type = types.choice(field, Self.validationTypes, caseInsensitive: true, into: &d) else {
                        continue
                    }
                    entry.types.append((field, type))
                }
            }
            if var ranges = v.child("ranges", into: &d) {
                for field in ranges.object.keys {
                    let value = ranges.raw(field)
                    let place = ranges.path.appending(field)
                    if case .array(let pair)? = value, pair.count == 2,
                       let low = pair[0].numberValue, let high = pair[1].numberValue {
                        if low <= high {
                            entry.ranges.append((field, low, high))
                        } else {
                            d.error("config.bad-value", "'\(place)' has its minimum \(pair[0].pythonRepr) above its maximum \(pair[1].pythonRepr)",
                                    at: ranges.location(field), help: "write the range as [minimum, maximum]")
                        }
                    } else {
                        d.error("config.bad-value", "'\(place)' must be [minimum, maximum], two numbers",
                                at: ranges.location(field))
                    }
                }
            }
            if var enums = v.child("enums", into: &d) {
                for field in enums.object.keys {
                    if case .array(let options)? = enums.raw(field), !options.isEmpty {
                        entry.enums.append((field, options))
                    } else {
                        d.error("config.bad-value", "'\(enums.path.appending(field))' must be a non-empty list of allowed values",
                                at: enums.location(field))
                    }
                }
            }
            if let rules = v.list("rules", into: &d) {
                for (path, value) in rules {
                    if let rule = decodeRule(path: path, value: value, into: &d) { entry.rules.append(rule) }
                }
            }
            v.finish(allowed: ["required", "types", "ranges", "enums", "rules"], into: &d)
            result[step] = entry
        }
        return result
    }

    func decodeRule(path: ConfigPath, value: Value, into d: inout DiagnosticCollector) -> PipelineConfig.Rule? {
        guard case .object(let object) = value else {
            d.error("config.wrong-type", "'\(path)' must be a mapping with 'name' and 'expr'",
                    at: locator.location(of: path, key: false))
            return nil
        }
        var r = ConfigReader(path: path, object: object, locator: locator)
        let name = r.string("name", required: true, into: &d)
        let expr = r.string("expr", required: true, into: &d)
        let error = r.string("error", into: &d)
        let when = r.string("when", into: &d)
        let level = r.choice("level", ["error", "warning"], into: &d) ?? "error"
        r.finish(allowed: ["name", "expr", "error", "when", "level"], into: &d)
        guard let name, let expr else { return nil }
        return PipelineConfig.Rule(
            name: name, expr: NamedSource(name: name, source: expr, path: path.appending("expr")), error: error,
            when: when.map { NamedSource(name: name, source: $0, path: path.appending("when")) },
            isWarning: level == "warning")
    }
}
