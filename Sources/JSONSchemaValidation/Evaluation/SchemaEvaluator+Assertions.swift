import Foundation
import Basics

extension SchemaEvaluator {
    // swiftlint:disable:next cyclomatic_complexity function_body_length
    mutating func checkAssertion(_ keyword: Keyword, _ node: SchemaNode, _ instance: Value, collect: Bool) -> Bool {
        func failed(_ message: @autoclosure () -> String) -> Bool {
            if collect { fail(node, keyword.name, message()) }
            return false
        }
        switch keyword.check {
        case .type(let set, let names):
            if Self.matches(instance, set) { return true }
            return failed("\(instance.pythonRepr) is not of type \(names.map { Value.string($0).pythonRepr }.joined(separator: ", "))")
        case .enumeration(let options):
            if options.contains(where: { JSONEquality.equal($0, instance) }) { return true }
            return failed("\(instance.pythonRepr) is not one of \(Value.array(options).pythonRepr)")
        case .constant(let expected):
            if JSONEquality.equal(expected, instance) { return true }
            return failed("\(expected.pythonRepr) was expected")
        case .multipleOf(let divisor):
            guard instance.isNumber else { return true }
            if NumberComparison.isMultiple(instance, of: divisor) { return true }
            return failed("\(instance.pythonRepr) is not a multiple of \(divisor.pythonRepr)")
        case .maximum(let limit):
            guard let order = NumberComparison.compare(instance, limit), order > 0 else { return true }
            return failed("\(instance.pythonRepr) is greater than the maximum of \(limit.pythonRepr)")
        case .exclusiveMaximum(let limit):
            guard let order = NumberComparison.compare(instance, limit), order >= 0 else { return true }
            return failed("\(instance.pythonRepr) is greater than or equal to the maximum of \(limit.pythonRepr)")
        case .minimum(let limit):
            guard let order = NumberComparison.compare(instance, limit), order < 0 else { return true }
            return failed("\(instance.pythonRepr) is less than the minimum of \(limit.pythonRepr)")
        case .exclusiveMinimum(let limit):
            guard let order = NumberComparison.compare(instance, limit), order <= 0 else { return true }
            return failed("\(instance.pythonRepr) is less than or equal to the minimum of \(limit.pythonRepr)")
        case .maxLength(let limit):
            guard case .string(let s) = instance, s.unicodeScalars.count > limit else { return true }
            return failed("\(instance.pythonRepr) is too long")
        case .minLength(let limit):
            guard case .string(let s) = instance, s.unicodeScalars.count < limit else { return true }
            return failed(limit == 1 ? "\(instance.pythonRepr) should be non-empty" : "\(instance.pythonRepr) is too short")
        case .pattern(let pattern):
            guard case .string(let s) = instance, !pattern.matches(s) else { return true }
            return failed("\(instance.pythonRepr) does not match \(Value.string(pattern.source).pythonRepr)")
        case .format(let format):
            guard schema.options.formatAssertion, !FormatChecker.conforms(instance, to: format) else { return true }
            return failed("\(instance.pythonRepr) is not a \(Value.string(format).pythonRepr)")
        case .maxItems(let limit):
            guard case .array(let items) = instance, items.count > limit else { return true }
            return failed(limit == 0 ? "\(instance.pythonRepr) is expected to be empty" : "\(instance.pythonRepr) is too long")
        case .minItems(let limit):
            guard case .array(let items) = instance, items.count < limit else { return true }
            return failed(limit == 1 ? "\(instance.pythonRepr) should be non-empty" : "\(instance.pythonRepr) is too short")
        case .uniqueItems:
            guard case .array(let items) = instance, Self.hasDuplicates(items) else { return true }
            return failed("\(instance.pythonRepr) has non-unique elements")
        case .maxProperties(let limit):
            guard case .object(let object) = instance, object.count > limit else { return true }
            return failed(limit == 0 ? "\(instance.pythonRepr) is expected to be empty" : "\(instance.pythonRepr) has too many properties")
        case .minProperties(let limit):
            guard case .object(let object) = instance, object.count < limit else { return true }
            return failed(limit == 1 ? "\(instance.pythonRepr) should be non-empty" : "\(instance.pythonRepr) does not have enough properties")
        case .required(let names):
            guard case .object(let object) = instance else { return true }
            var ok = true
            for name in names where !object.contains(name) {
                ok = false
                if !collect { return false }
                fail(node, keyword.name, "\(Value.string(name).pythonRepr) is a required property")
            }
            return ok
        case .dependentRequired(let pairs):
            guard case .object(let object) = instance else { return true }
            var ok = true
            for (property, dependencies) in pairs where object.contains(property) {
                for dependency in dependencies where !object.contains(dependency) {
                    ok = false
                    if !collect { return false }
                    fail(node, keyword.name, "\(Value.string(dependency).pythonRepr) is a dependency of \(Value.string(property).pythonRepr)")
                }
            }
            return ok
        default:
            return true
        }
    }

    static func matches(_ value: Value, _ set: JSONTypeSet) -> Bool {
        switch value {
        case .null: return set.contains(.null)
        case .bool: return set.contains(.boolean)
        case .int: return set.contains(.integer) || set.contains(.number)
        case .double(let d):
            return set.contains(.number) || (set.contains(.integer) && d.isFinite && d == d.rounded())
        case .string: return set.contains(.string)
        case .array, .tuple, .set: return set.contains(.array)
        case .object: return set.contains(.object)
        }
    }

    static func hasDuplicates(_ items: [Value]) -> Bool {
        guard items.count > 1 else { return false }
        for i in 1..<items.count {
            for j in 0..<i where JSONEquality.equal(items[i], items[j]) { return true }
        }
        return false
    }
}

extension Value {
    /// True for `int` and `double` (never for `bool`).
    var isNumber: Bool {
        switch self {
        case .int, .double: return true
        default: return false
        }
    }
}
