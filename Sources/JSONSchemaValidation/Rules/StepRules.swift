import Basics
import Expressions

/// Phase 2 of validation for one step: the compiled `validation.<step>` config (reference §1.15).
///
/// Checks, in order: `required` (present and not null; when any is missing nothing else is checked),
/// then `types`, `ranges`, `enums` and `rules`, whose findings accumulate. Invariants: everything is
/// compiled once in `compile` (type names resolved, expressions compiled, message templates split); a
/// defect of the config is a located diagnostic at load time, never a per-record failure; messages and
/// rule names are exactly the Python tool's.
public struct StepRules: Sendable {
    public let step: String
    let required: [String]
    let types: [(field: String, name: String, kind: FieldType)]
    let ranges: [(field: String, minimum: Value, maximum: Value)]
    let enums: [(field: String, allowed: [Value], lowercased: Set<String>)]
    let rules: [CompiledRule]
    /// Warnings found while compiling (e.g. unknown keys); errors make `compile` throw instead.
    public let warnings: [Diagnostic]

    /// The outcome for one record: errors make it invalid; warnings go to `_warnings`.
    public struct Outcome: Sendable, Equatable {
        public var errors: [ValidationIssue] = []
        public var warnings: [ValidationIssue] = []
        public var isValid: Bool { errors.isEmpty }
    }

    /// The type names `types:` accepts (case-insensitive).
    enum FieldType: String, Sendable, CaseIterable {
        case integer, float, number, string, boolean, array, list, object, dict

        func admits(_ value: Value) -> Bool {
            switch (self, value) {
            case (.integer, .int): return true
            case (.float, .int), (.float, .double), (.number, .int), (.number, .double): return true
            case (.string, .string), (.boolean, .bool): return true
            case (.array, .array), (.list, .array), (.object, .object), (.dict, .object): return true
            default: return false
            }
        }
    }

    /// One `rules:` entry, compiled: `computed` (the `{_computed}` left-hand side) exists only when the
    /// message uses it; `condition` is the compiled `when`.
    struct CompiledRule: Sendable {
        var name: String
        var expression: any RuleExpression
        var condition: (any RuleExpression)?
        var computed: (any RuleExpression)?
        var message: MessageTemplate
        var isWarning: Bool
    }

    public func check(_ record: ValueObject) -> Outcome {
        var outcome = Outcome()
        for field in required where record[field] == nil || record[field] == .null {
            outcome.errors.append(ValidationIssue(path: "$.\(field)", rule: "required_\(field)",
                                                  message: "Missing required field: '\(field)'"))
        }
        if !outcome.errors.isEmpty { return outcome }
        for (field, name, kind) in types {
            guard let value = record[field], !kind.admits(value) else { continue }
            outcome.errors.append(ValidationIssue(path: "$.\(field)", rule: "type_\(field)",
                                                  message: "Field '\(field)': Expected \(name), got \(value.pythonTypeName)"))
        }
        for (field, minimum, maximum) in ranges {
            guard let value = record[field], let number = Self.rangeNumber(value) else { continue }
            let low = Self.rangeNumber(minimum) ?? -.infinity
            let high = Self.rangeNumber(maximum) ?? .infinity
            if number < low || number > high {
                outcome.errors.append(ValidationIssue(
                    path: "$.\(field)", rule: "range_\(field)",
                    message: "Field '\(field)' value \(value.pythonStr) outside range [\(minimum.pythonStr), \(maximum.pythonStr)]"))
            }
        }
        for (field, allowed, lowercased) in enums {
            guard let value = record[field] else { continue }
            let ok: Bool
            if case .string(let s) = value {
                ok = lowercased.contains(s.lowercased())
            } else {
                ok = allowed.contains { PythonRuntime.equals($0, value) }
            }
            if !ok {
                outcome.errors.append(ValidationIssue(
                    path: "$.\(field)", rule: "enum_\(field)",
                    message: "Field '\(field)' value '\(value.pythonStr)' not in allowed values: \(Value.array(allowed).pythonRepr)"))
            }
        }
        for rule in rules { apply(rule, record, &outcome) }
        return outcome
    }

    private func apply(_ rule: CompiledRule, _ record: ValueObject, _ outcome: inout Outcome) {
        if let condition = rule.condition {
            do {
                if !PythonRuntime.truthy(try condition.evaluate(record)) { return }
            } catch {
                outcome.warnings.append(ValidationIssue(
                    path: "$", rule: rule.name,
                    message: "Rule '\(rule.name)' skipped: its when condition failed (expression error: \(error))"))
                return
            }
        }
        let failure: String
        do {
            if PythonRuntime.truthy(try rule.expression.evaluate(record)) { return }
            failure = rule.message.render(record, computed: rule.computed.flatMap { try? $0.evaluate(record) })
        } catch {
            failure = rule.message.render(record, computed: nil) + " (expression error: \(error))"
        }
        let issue = ValidationIssue(path: "$", rule: rule.name, message: failure)
        if rule.isWarning { outcome.warnings.append(issue) } else { outcome.errors.append(issue) }
    }

    /// Python's view of a number for ranges: int, float, and bool (an int subclass).
    static func rangeNumber(_ value: Value) -> Double? {
        switch value {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }
}
