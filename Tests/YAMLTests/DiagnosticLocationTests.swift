import Basics
import Testing
import YAML

/// Every error kind is reported with its stable id at the right line AND column.
struct DiagnosticLocationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        var id: String
        var line: Int
        var column: Int
        var testDescription: String { "\(id) \(source.debugDescription)" }
    }

    static let cases: [Case] = [
        Case(source: "a: b\nc: d: e\n", id: "yaml.syntax", line: 2, column: 5),
        Case(source: "a:\n\tb: 1\n", id: "yaml.syntax", line: 2, column: 1),
        Case(source: "key: [1, 2\nother: 3\n", id: "yaml.syntax", line: 2, column: 6),
        Case(source: "a: 'unterminated\n", id: "yaml.syntax", line: 2, column: 1),
        Case(source: "a: 1\n b: 2\n", id: "yaml.syntax", line: 2, column: 3),
        Case(source: "ok: 1\nbad: \u{1}\n", id: "yaml.syntax", line: 2, column: 6),
        Case(source: "urls: [http://x.org/a?b=c]\n", id: "yaml.syntax", line: 1, column: 22),
        Case(source: "k:\t1\n", id: "yaml.syntax", line: 1, column: 3),
        Case(source: "ok: 'a\tb' # c\td\nk: a\tb\n", id: "yaml.syntax", line: 2, column: 5),
        Case(source: "k: [a,\tb]\r\n", id: "yaml.syntax", line: 1, column: 7),
        Case(source: "a: 1\nb: 2\na: 3\n", id: "yaml.duplicate-key", line: 3, column: 1),
        Case(source: "top:\n  x: 1\n  'x': 2\n", id: "yaml.duplicate-key", line: 3, column: 3),
        Case(source: "1: a\ntrue: b\n", id: "yaml.duplicate-key", line: 2, column: 1),
        Case(source: "{a: 1, b: 2, a: 3}", id: "yaml.duplicate-key", line: 1, column: 14),
        Case(source: "1: a\n'1': b\n", id: "yaml.duplicate-key", line: 2, column: 1),
        Case(source: "a: 1\n---\nb: 2\n", id: "yaml.multiple-documents", line: 2, column: 1),
        Case(source: "a: !foo x\n", id: "yaml.unknown-tag", line: 1, column: 4),
        Case(source: "list:\n  - !!binary aGVsbG8=\n", id: "yaml.unknown-tag", line: 2, column: 5),
        Case(source: "m: !thing {a: 1}\n", id: "yaml.unknown-tag", line: 1, column: 4),
        Case(source: "é: [1, !foo x]\n", id: "yaml.unknown-tag", line: 1, column: 8),
        Case(source: "n: 99999999999999999999\n", id: "yaml.integer-overflow", line: 1, column: 4),
        Case(source: "n:\n  - -0x8000000000000001\n", id: "yaml.integer-overflow", line: 2, column: 5),
        Case(source: "n: !!int '18446744073709551616'\n", id: "yaml.integer-overflow", line: 1, column: 4),
        Case(source: "a: *nowhere\n", id: "yaml.undefined-alias", line: 1, column: 4),
        Case(source: "a: &x 1\nb: &x 2\n", id: "yaml.duplicate-anchor", line: 2, column: 4),
        Case(source: "a: &x [1, *x]\n", id: "yaml.recursive-alias", line: 1, column: 11),
        Case(source: "a:\n  <<: 5\n", id: "yaml.invalid-merge", line: 2, column: 7),
        Case(source: "a:\n  <<: [{x: 1}, 2]\n", id: "yaml.invalid-merge", line: 2, column: 16),
        Case(source: "? [1, 2]\n: v\n", id: "yaml.non-scalar-key", line: 1, column: 3),
        Case(source: "a: !!int abc\n", id: "yaml.invalid-value", line: 1, column: 4),
        Case(source: "a: !!bool maybe\n", id: "yaml.invalid-value", line: 1, column: 4),
        Case(source: "a: !!map [1]\n", id: "yaml.invalid-value", line: 1, column: 4),
        Case(source: "a: =\n", id: "yaml.invalid-value", line: 1, column: 4),
        Case(source: "a: <<\n", id: "yaml.invalid-value", line: 1, column: 4),
    ]

    @Test(arguments: cases)
    func errorIsLocated(_ c: Case) throws {
        let result = YAMLLoader.loadValue(source: c.source, path: "f.yaml")
        guard case .failure(let error) = result else {
            Issue.record("expected \(c.id), loaded \(String(describing: try? result.get()))")
            return
        }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.id == c.id, "\(error)")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location?.file == "f.yaml")
        #expect(diagnostic.location?.line == c.line, "\(error)")
        #expect(diagnostic.location?.column == c.column, "\(error)")
    }

    /// Tabs PyYAML accepts: inside quotes, block scalars and comments.
    @Test func tabsWherePyYAMLAcceptsThem() throws {
        // (A tab right after the indentation of a block scalar's FIRST line is a libyaml error that PyYAML
        // accepts; see README.md.)
        let value = try YAMLLoader.value(source: "a: 'x\ty' #\tc\nb: \"\t\"\nc: |\n  z\n  \tq\n# \t\n", path: "f.yaml")
        #expect(value == ["a": "x\ty", "b": "\t", "c": "z\n\tq\n"])
    }

    @Test func duplicateKeyNotePointsAtFirstKey() throws {
        let error = try #require(failure("name: a\nother: 1\nname: b\n"))
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.id == "yaml.duplicate-key")
        #expect(diagnostic.location == SourceLocation(file: "f.yaml", line: 3, column: 1, length: 4))
        #expect(diagnostic.notes.map(\.location) == [SourceLocation(file: "f.yaml", line: 1, column: 1, length: 4)])
    }

    @Test func syntaxErrorCarriesContextNoteAndHelp() throws {
        let error = try #require(failure("a: b\nc: d: e\n"))
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.message == "YAML syntax error: mapping values are not allowed in this context")
        #expect(diagnostic.help != nil)
    }

    @Test(arguments: [
        ("x: \"unterminated\n", "a quoted value is not closed; add the missing quote"),
        ("a:\n\tb: 1\n", "YAML indentation must use spaces, not tabs; values starting with '@', '`' or '%' must be quoted"),
    ])
    func syntaxErrorHelp(_ source: String, _ help: String) throws {
        let error = try #require(failure(source))
        #expect(error.diagnostics.first?.help == help)
    }

    @Test func multipleDocumentsNotePointsAtFirst() throws {
        let error = try #require(failure("--- 1\n--- 2\n"))
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.id == "yaml.multiple-documents")
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.notes.first?.location?.line == 1)
    }

    @Test func invalidUTF8IsLocated() throws {
        let bytes: [UInt8] = Array("a: 1\nb: x".utf8) + [0xFF] + Array("\n".utf8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-utf8-\(UUID().uuidString).yaml")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = YAMLLoader.loadValue(contentsOf: url, displayPath: "bad.yaml")
        guard case .failure(let error) = result else {
            Issue.record("invalid UTF-8 loaded")
            return
        }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.id == "yaml.syntax")
        #expect(diagnostic.location == SourceLocation(file: "bad.yaml", line: 2, column: 5))
    }

    @Test func missingFileIsReported() {
        let url = URL(fileURLWithPath: "/nonexistent/octobatch/missing.yaml")
        guard case .failure(let error) = YAMLLoader.loadValue(contentsOf: url, displayPath: "missing.yaml") else {
            Issue.record("missing file loaded")
            return
        }
        #expect(error.diagnostics.map(\.id) == ["yaml.read-failed"])
    }

    @Test func allErrorsOfAFileAreCollectedInOrder() throws {
        let error = try #require(failure("a: !!int x\nb: 1\nb: 2\nc: 99999999999999999999\n"))
        #expect(error.diagnostics.map(\.id) == ["yaml.invalid-value", "yaml.duplicate-key", "yaml.integer-overflow"])
        #expect(error.diagnostics.map { $0.location?.line } == [1, 3, 4])
    }

    @Test func throwingConvenienceThrowsDiagnostics() {
        #expect(throws: DiagnosticsError.self) { try YAMLLoader.value(source: "a: [", path: "f.yaml") }
    }

    @Test func nestingLimitIsAnError() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let error = try #require(failure(deep))
        #expect(error.diagnostics.first?.id == "yaml.nesting-limit")
        #expect(error.diagnostics.first?.location?.column == 513)
    }

    @Test func deepNestingBelowTheLimitLoads() throws {
        let depth = 511
        let source = String(repeating: "[", count: depth) + "x"
            + String(repeating: "]", count: depth)
        var value = try YAMLLoader.value(source: source, path: "f.yaml")
        for _ in 0..<depth {
            guard case .array(let items) = value, let first = items.first else {
                Issue.record("expected nested arrays")
                return
            }
            value = first
        }
        #expect(value == "x")
    }

    private func failure(_ source: String) -> DiagnosticsError? {
        if case .failure(let error) = YAMLLoader.loadValue(source: source, path: "f.yaml") { return error }
        return nil
    }
}

import Foundation
