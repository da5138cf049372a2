import Basics
import Foundation
import TestSupport
import Testing

/// The writer against `json.dumps` on the committed corpus (Tests/Fixtures/Basics/make_json_corpus.py).
@Suite struct JSONCorpusTests {
    static func lines(_ name: String) throws -> [String] {
        let text = try TestPaths.text(TestPaths.fixture("Basics/\(name)"))
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func pythonLayoutRoundTripsByteForByte() throws {
        let lines = try Self.lines("json_corpus.jsonl")
        #expect(lines.count > 3000)
        for (n, line) in lines.enumerated() {
            let value = try JSONReader.parse(line)
            let written = JSONWriter.python(value)
            #expect(written == line, "line \(n + 1)")
        }
    }

    @Test func compactLayoutMatchesPythonSeparators() throws {
        let source = try Self.lines("json_corpus.jsonl")
        let expected = try Self.lines("json_corpus_compact.jsonl")
        let writer = JSONWriter(layout: .compact)
        for (n, line) in source.enumerated() {
            #expect(writer.string(try JSONReader.parse(line)) == expected[n], "line \(n + 1)")
        }
    }

    @Test func sortedKeysMatchPythonSortKeys() throws {
        let source = try Self.lines("json_corpus.jsonl")
        let expected = try Self.lines("json_corpus_sorted.jsonl")
        let writer = JSONWriter(sortKeys: true)
        for (n, line) in source.enumerated() {
            #expect(writer.string(try JSONReader.parse(line)) == expected[n], "line \(n + 1)")
        }
    }

    @Test func indentedLayoutMatchesPythonIndent2() throws {
        let source = try Self.lines("json_corpus.jsonl")
        let text = try TestPaths.text(TestPaths.fixture("Basics/json_corpus_indent2.txt"))
        let expected = text.components(separatedBy: "\n\u{1E}\n").dropLast()
        #expect(expected.count == source.count)
        let writer = JSONWriter(layout: .indented(2))
        for (n, line) in source.enumerated() {
            #expect(writer.string(try JSONReader.parse(line)) == expected[n], "document \(n + 1)")
        }
    }
}
