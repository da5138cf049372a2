import Basics
import Foundation
import Testing
import TestSupport
@testable import Expressions

/// The `.jinja` dialect against Tests/Fixtures/Expressions/jinja_cases.json (generate_jinja_cases.py, Jinja2 3.1
/// with StrictUndefined), using the test provider's filters and tests.
@Suite struct JinjaParityTests {
    @Test func matchesJinja2() throws {
        let text = try String(contentsOf: TestPaths.fixture("Expressions/jinja_cases.json"), encoding: .utf8)
        let cases = try #require(try JSONReader.parse(text).arrayValue)
        #expect(cases.count > 50)
        var failures: [String] = []
        for c in cases {
            let source = c["expr"]?.stringValue ?? ""
            let context = c["context"]?.objectValue ?? [:]
            var outcome: Result<Value, ExpressionError>
            do throws(ExpressionError) {
                let code = try CompiledExpression(source, dialect: .jinja)
                let env = Environment(names: code.names, provider: TestProvider())
                env.bind(context)
                outcome = .success(try code.evaluate(in: env).toValue())
            } catch {
                outcome = .failure(error)
            }
            switch (outcome, c["error"]?.stringValue) {
            case (.success(let v), nil):
                if JSONWriter.python(v) != c["json"]?.stringValue || v.pythonRepr != c["repr"]?.stringValue {
                    failures.append("\(source): \(v.pythonRepr) != \(c["repr"]?.stringValue ?? "")")
                }
            case (.success(let v), let expected?):
                failures.append("\(source): expected \(expected), got \(v.pythonRepr)")
            case (.failure(let e), nil):
                failures.append("\(source): raised \(e)")
            case (.failure(let e), let expected?):
                let ok: Bool
                switch expected {
                case "TypeError": ok = e.kind == .type
                case "UndefinedError": ok = e.kind == .undefined
                case "TemplateSyntaxError": ok = e.kind == .syntax
                default: ok = true
                }
                if !ok { failures.append("\(source): \(e) for \(expected)") }
            }
        }
        #expect(failures.isEmpty, Comment(rawValue: failures.joined(separator: "\n")))
    }
}
