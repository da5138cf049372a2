import Foundation
import Basics
import JSONSchemaValidation

/// A tiny stand-in for the Expressions module: `operand [op operand]` with `==, !=, >=, <=, >, <`,
/// operands being field names, `len(field)`, numbers, quoted strings, True/False/None. Unknown fields
/// throw like Python's NameError; `syntax error` in the source makes compilation fail.
struct TestRuleCompiler: RuleExpressionCompiler {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Compiled: RuleExpression {
        var left: String
        var op: String?
        var right: String?

        func evaluate(_ record: ValueObject) throws -> Value {
            let a = try operand(left, record)
            guard let op, let right else { return a }
            let b = try operand(right, record)
            switch op {
            case "==": return .bool(Self.equal(a, b))
            case "!=": return .bool(!Self.equal(a, b))
            default:
                guard let x = a.numberValue, let y = b.numberValue else {
                    throw Failure(description: "TypeError: '\(op)' not supported between instances of '\(a.pythonTypeName)' and '\(b.pythonTypeName)'")
                }
                switch op {
                case ">=": return .bool(x >= y)
                case "<=": return .bool(x <= y)
                case ">": return .bool(x > y)
                default: return .bool(x < y)
                }
            }
        }

        /// Python `==` for the scalars the tests use (bools count as 0/1).
        static func equal(_ a: Value, _ b: Value) -> Bool {
            if case .string(let x) = a, case .string(let y) = b { return x == y }
            if a == .null || b == .null { return a == b }
            func number(_ v: Value) -> Double? { if case .bool(let b) = v { return b ? 1 : 0 }; return v.numberValue }
            guard let x = number(a), let y = number(b) else { return a == b }
            return x == y
        }

        func operand(_ text: String, _ record: ValueObject) throws -> Value {
            switch text {
            case "True": return true
            case "False": return false
            case "None": return nil
            default: break
            }
            if text.hasPrefix("len(") && text.hasSuffix(")") {
                let inner = try operand(String(text.dropFirst(4).dropLast()), record)
                switch inner {
                case .array(let a): return .int(a.count)
                case .string(let s): return .int(s.count)
                case .object(let o): return .int(o.count)
                default: throw Failure(description: "TypeError: object of type '\(inner.pythonTypeName)' has no len()")
                }
            }
            if let first = text.first, first == "'" || first == "\"" { return .string(String(text.dropFirst().dropLast())) }
            if let i = Int(text) { return .int(i) }
            if let d = Double(text) { return .double(d) }
            guard let value = record[text] else { throw Failure(description: "NameError: name '\(text)' is not defined") }
            return value
        }
    }

    func compileRuleExpression(_ source: String) throws -> any RuleExpression {
        if source.contains("syntax error") { throw Failure(description: "invalid syntax") }
        for op in ["==", "!=", ">=", "<=", ">", "<"] {
            if let range = source.range(of: op) {
                return Compiled(left: source[..<range.lowerBound].trimmingCharacters(in: .whitespaces), op: op,
                                right: source[range.upperBound...].trimmingCharacters(in: .whitespaces))
            }
        }
        return Compiled(left: source.trimmingCharacters(in: .whitespaces), op: nil, right: nil)
    }
}
