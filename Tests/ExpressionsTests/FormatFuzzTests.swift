import Basics
import Foundation
import Testing
import TestSupport
@testable import Expressions

/// 900 pseudo-random `format(value, spec)` results from CPython (generate_format_fuzz.py).
@Suite struct FormatFuzzTests {
    @Test func formatMatchesCPython() throws {
        let text = try String(contentsOf: TestPaths.fixture("Expressions/format_fuzz.json"), encoding: .utf8)
        let cases = try #require(try JSONReader.parse(text).arrayValue)
        #expect(cases.count == 900)
        var failures: [String] = []
        for c in cases {
            let value = try #require(c["value"]), spec = c["spec"]?.stringValue ?? ""
            do throws(ExpressionError) {
                let out = try FormatSpec.format(.value(value), spec: spec)
                if out != c["out"]?.stringValue {
                    failures.append("format(\(value.pythonRepr), '\(spec)') = '\(out)' != '\(c["out"]?.stringValue ?? "error")'")
                }
            } catch {
                if c["error"] == nil { failures.append("format(\(value.pythonRepr), '\(spec)') raised \(error)") }
            }
        }
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) mismatches:\n" + failures.prefix(40).joined(separator: "\n")))
    }
}
