import Basics
import Foundation
import Testing
@testable import Expressions

@Suite struct SandboxTests {
    static func error(_ source: String, context: ValueObject = [:]) -> ExpressionError? {
        do throws(ExpressionError) {
            _ = try CompiledExpression(source).evaluate(context: context)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("x = 3", ExpressionError.Kind.notSupported, 2),
        ("(y := 2)", .notSupported, 3),
        ("lambda: 1", .notSupported, 0),
        ("import os", .notSupported, 0),
        ("().__class__", .notSupported, 3),
        ("x += 1", .notSupported, 2),
        ("1 +", .syntax, 3),
        ("[1, 2", .syntax, 5),
        ("'abc", .syntax, 0),
        ("1 + nope", .name, 4),
        ("yield 1", .notSupported, 0),
        ("3j", .notSupported, 0),
        ("d['k'].append(1)", .notSupported, 13),
    ])
    func rejectedWithPosition(source: String, kind: ExpressionError.Kind, offset: Int) {
        let e = Self.error(source, context: ["d": ["k": []]])
        #expect(e?.kind == kind, "\(source): \(String(describing: e))")
        #expect(e?.offset == offset, "\(source): \(String(describing: e))")
    }

    @Test(arguments: [
        "'a' * 10**10", "list(range(10**12))", "sum(range(10**12))", "[0] * 10**9", "'x' * 2**62",
        "[i for i in range(10**10)]", "str([[0] * 10**6] * 10**6)", "f'{[[0] * 10**6] * 10**6}'",
        "len(repr([['x' * 1000] * 1000] * 1000))", "'%s' % ([[0] * 10**6] * 10**6,)", "'{}'.format([[1] * 10**6] * 100)",
        "('a' * 100000).replace('', 'x' * 100000)", "('ab' * 500000).replace('a', 'xyz' * 1000)",
    ])
    func limitsAreErrors(source: String) {
        let e = Self.error(source)
        #expect(e?.kind == .limit || e?.kind == .overflow, "\(source): \(String(describing: e))")
    }

    @Test func deepNestingIsALimitNotACrash() {
        let parens = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(Self.error(parens)?.kind == .limit)
        let chain = "1" + String(repeating: " + 1", count: 50_000)
        #expect(Self.error(chain)?.kind == .limit)
    }

    @Test(arguments: ["9223372036854775807 + 1", "int('99999999999999999999')", "2 ** 64", "1 << 64",
                      "-9223372036854775807 - 2", "3037000500 * 3037000500", "abs(-9223372036854775807 - 1)",
                      "99999999999999999999"])
    func integerOverflowIsAnError(source: String) {
        #expect(Self.error(source)?.kind == .overflow, "\(source)")
    }

    @Test func nameErrorListsNamesAndSuggests() throws {
        let e = try #require(Self.error("positon + 1", context: ["position": 1, "path": [1]]))
        #expect(e.kind == .name)
        #expect(e.suggestion == "position")
        #expect(e.availableNames == ["path", "position"])
        #expect(e.message == "name 'positon' is not defined. Did you mean: 'position'?")
        let d = e.diagnostic(source: "positon + 1", start: SourceLocation(file: "config.yaml", line: 10, column: 19))
        #expect(d.location?.line == 10)
        #expect(d.location?.column == 19)
        #expect(d.location?.length == 7)
        #expect(d.help == "did you mean 'position'?")
    }

    @Test func positionsInMultiLineExpressions() throws {
        let source = "1 +\n  missing"
        let e = try #require(Self.error(source))
        #expect(e.offset == 6)
        #expect(e.lineAndColumn(in: source)?.line == 2)
        #expect(e.lineAndColumn(in: source)?.column == 3)
        let inFString = try #require(Self.error("f'a{1 + nope}b'"))
        #expect(inFString.kind == .name)
        #expect(inFString.offset == 8)
    }
}
