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

/// 600 pseudo-random printf-style `fmt % value` results from CPython (generate_percent_fuzz.py).
@Suite struct PercentFuzzTests {
    @Test func percentFormattingMatchesCPython() throws {
        let text = try String(contentsOf: TestPaths.fixture("Expressions/percent_fuzz.json"), encoding: .utf8)
        let cases = try #require(try JSONReader.parse(text).arrayValue)
        #expect(cases.count == 600)
        var failures: [String] = []
        for c in cases {
            let value = try #require(c["value"]), format = c["format"]?.stringValue ?? ""
            // Known Basics issue (float repr between 2**53 and 1e16), tracked in CPythonParityTests.
            if case .double(let d) = value, abs(d) >= 9_007_199_254_740_992, abs(d) < 1e16 { continue }
            do throws(ExpressionError) {
                let out = try PercentFormatter.format(format, value)
                if out != c["out"]?.stringValue {
                    failures.append("'\(format)' % \(value.pythonRepr) = '\(out)' != '\(c["out"]?.stringValue ?? "error")'")
                }
            } catch {
                if c["error"] == nil { failures.append("'\(format)' % \(value.pythonRepr) raised \(error)") }
            }
        }
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) mismatches:\n" + failures.prefix(40).joined(separator: "\n")))
    }
}

/// 1500 pseudo-random `a op b` results from CPython (generate_arith_fuzz.py): ints, floats, bools, every
/// arithmetic, bitwise and comparison operator.
@Suite struct ArithmeticFuzzTests {
    @Test func arithmeticMatchesCPython() throws {
        let text = try String(contentsOf: TestPaths.fixture("Expressions/arith_fuzz.json"), encoding: .utf8)
        let cases = try #require(try JSONReader.parse(text).arrayValue)
        #expect(cases.count == 1500)
        var failures: [String] = []
        for c in cases {
            let source = c["expr"]?.stringValue ?? ""
            do throws(ExpressionError) {
                let v = try CompiledExpression(source).evaluate(context: [:])
                if let expected = c["repr"]?.stringValue {
                    if v.pythonRepr != expected { failures.append("\(source) = \(v.pythonRepr) != \(expected)") }
                } else {
                    failures.append("\(source) = \(v.pythonRepr), CPython raised \(c["error"]?.stringValue ?? "")")
                }
            } catch {
                if let expected = c["error"]?.stringValue {
                    if error.kind.rawValue != expected && error.kind != .overflow && error.kind != .notSupported {
                        failures.append("\(source): \(error.kind.rawValue) != \(expected)")
                    }
                } else if error.kind != .notSupported {
                    failures.append("\(source) raised \(error), CPython gave \(c["repr"]?.stringValue ?? "")")
                }
            }
        }
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) mismatches:\n" + failures.prefix(40).joined(separator: "\n")))
    }
}
