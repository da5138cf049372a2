import Basics

extension StepRules {
    static let knownKeys = ["required", "types", "ranges", "enums", "rules"]
    static let knownRuleKeys = ["name", "expr", "error", "level", "when"]

    /// Compiles the `validation.<step>` entry. Diagnostics name the config path
    /// (`validation.analyze.rules[0].expr`); `locate` maps such a path to its place in the config file (the
    /// pipeline loader has the YAML positions), else `file` alone is used.
    public static func compile(_ config: Value, step: String, compiler: (any RuleExpressionCompiler)?,
                               file: String? = nil,
                               locate: ((String) -> SourceLocation?)? = nil) throws(DiagnosticsError) -> StepRules {
        var problems = DiagnosticCollector()
        let base = "validation.\(step)"
        let location = file.map { SourceLocation(file: $0, line: 1, column: 1) }
        func at(_ path: String) -> SourceLocation? { locate?(path) ?? location }
        func error(_ id: String, _ message: String, _ path: String, help: String? = nil) {
            problems.error(id, "\(message) (at \(path))", at: at(path), help: help)
        }
        guard case .object(let object) = config else {
            throw DiagnosticsError([.error("validation.invalid-entry", "\(base) must be a mapping", at: at(base))])
        }
        for key in object.keys where !knownKeys.contains(key) {
            let hint = EditDistance.suggestion(for: key, from: knownKeys).map { "did you mean '\($0)'?" }
            problems.warning("validation.unknown-key", "unknown key '\(key)' (at \(base).\(key))", at: at("\(base).\(key)"), help: hint)
        }
        var required: [String] = []
        if let list = object["required"] {
            if case .array(let items) = list, items.allSatisfy({ $0.stringValue != nil }) {
                required = items.compactMap(\.stringValue)
            } else {
                error("validation.invalid-entry", "'required' must be a list of field names", base + ".required")
            }
        }
        var types: [(String, String, FieldType)] = []
        for (field, name) in object["types"]?.objectValue ?? [:] {
            guard let typeName = name.stringValue, let kind = FieldType(rawValue: typeName.lowercased()) else {
                let hint = name.stringValue.flatMap { EditDistance.suggestion(for: $0.lowercased(), from: FieldType.allCases.map(\.rawValue)) }
                error("validation.unknown-type", "unknown type \(name.pythonRepr) for field '\(field)'", "\(base).types.\(field)",
                      help: hint.map { "did you mean '\($0)'?" })
                continue
            }
            types.append((field, typeName, kind))
        }
        var ranges: [(String, Value, Value)] = []
        for (field, bounds) in object["ranges"]?.objectValue ?? [:] {
            guard case .array(let pair) = bounds, pair.count == 2, pair.allSatisfy({ rangeNumber($0) != nil }) else {
                error("validation.invalid-range", "range for '\(field)' must be [min, max] numbers", "\(base).ranges.\(field)")
                continue
            }
            ranges.append((field, pair[0], pair[1]))
        }
        var enums: [(String, [Value], Set<String>)] = []
        for (field, options) in object["enums"]?.objectValue ?? [:] {
            guard case .array(let allowed) = options else {
                error("validation.invalid-enum", "allowed values for '\(field)' must be a list", "\(base).enums.\(field)")
                continue
            }
            enums.append((field, allowed, Set(allowed.compactMap { $0.stringValue?.lowercased() })))
        }
        var rules: [CompiledRule] = []
        for (i, ruleValue) in (object["rules"]?.arrayValue ?? []).enumerated() {
            let path = "\(base).rules[\(i)]"
            guard case .object(let rule) = ruleValue, let expr = rule["expr"]?.stringValue else {
                error("validation.invalid-rule", "a rule must be a mapping with an 'expr' string", path)
                continue
            }
            guard let compiler else {
                error("validation.no-expression-compiler", "rules need an expression compiler", path)
                continue
            }
            let name = rule["name"]?.stringValue ?? "rule_\(i)"
            let level = rule["level"]?.stringValue ?? "error"
            if level != "error" && level != "warning" {
                error("validation.invalid-rule", "level must be 'error' or 'warning', not '\(level)'", path + ".level")
            }
            let template = MessageTemplate(rule["error"]?.stringValue ?? "Validation rule '\(name)' failed")
            do {
                let expression = try compiler.compileRuleExpression(expr)
                var condition: (any RuleExpression)?
                if let when = rule["when"]?.stringValue {
                    do {
                        condition = try compiler.compileRuleExpression(when)
                    } catch let failure {
                        error("validation.invalid-expression", "cannot compile when '\(when)': \(failure)", path + ".when")
                    }
                }
                var computed: (any RuleExpression)?
                if template.usesComputed, let lhs = computedLeftHandSide(expr) {
                    computed = try? compiler.compileRuleExpression(lhs)
                }
                rules.append(CompiledRule(name: name, expression: expression, condition: condition, computed: computed,
                                          message: template, isWarning: level == "warning"))
            } catch let failure {
                error("validation.invalid-expression", "cannot compile expr '\(expr)': \(failure)", path + ".expr")
            }
        }
        if problems.hasErrors { throw DiagnosticsError(problems.diagnostics) }
        return StepRules(step: step, required: required, types: types, ranges: ranges, enums: enums, rules: rules,
                         warnings: problems.diagnostics)
    }
}
