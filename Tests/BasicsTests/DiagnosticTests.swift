import Basics
import Testing

@Suite struct DiagnosticTests {
    @Test func rendersSourceLineCaretNotesAndHelp() {
        let source = "pipeline:\n  stepz:\n    - name: a\n"
        let diagnostic = Diagnostic.error(
            "config.unknown-key", "unknown key 'stepz' in 'pipeline'",
            at: SourceLocation(file: "config.yaml", line: 2, column: 3, length: 5),
            notes: [.init("keys allowed here: name, steps")], help: "did you mean 'steps'?")
        let text = DiagnosticRenderer(sources: ["config.yaml": source]).render(diagnostic)
        #expect(text == """
            config.yaml:2:3: error: unknown key 'stepz' in 'pipeline' [config.unknown-key]
             2 |   stepz:
               |   ^~~~~
              note: keys allowed here: name, steps
              help: did you mean 'steps'?

            """)
    }

    @Test func rendersWithoutSourceWhenFileUnknown() {
        let d = Diagnostic.warning("provider.missing-key", "OPENAI_API_KEY is not set",
                                   at: SourceLocation(file: "x.yaml", line: 9, column: 1))
        #expect(DiagnosticRenderer().render(d)
            == "x.yaml:9:1: warning: OPENAI_API_KEY is not set [provider.missing-key]\n")
    }

    @Test func jsonFormCarriesIdAndPosition() {
        let d = Diagnostic.error("graph.cycle", "cycle a -> b -> a", at: SourceLocation(file: "c.yaml", line: 4, column: 7))
        #expect(DiagnosticRenderer.json(d).pythonJSON
            == #"{"severity": "error", "id": "graph.cycle", "message": "cycle a -> b -> a", "file": "c.yaml", "line": 4, "column": 7, "notes": []}"#)
    }

    @Test func collectorCountsBySeverity() {
        var collector = DiagnosticCollector()
        collector.error("a.b", "x")
        collector.warning("a.c", "y")
        collector.warning("a.d", "z")
        #expect(collector.hasErrors)
        #expect(collector.errorCount == 1)
        #expect(collector.warningCount == 2)
    }

    @Test(arguments: [
        ("promts", ["pipeline", "prompts", "schemas"], "prompts"),
        ("Prompts", ["prompts"], "prompts"),
        ("schema", ["schemas", "api"], "schemas"),
        ("zzz", ["prompts", "api"], nil),
        ("--modle", ["--model", "--mode"], "--model"),
    ] as [(String, [String], String?)])
    func suggestions(name: String, candidates: [String], expected: String?) {
        #expect(EditDistance.suggestion(for: name, from: candidates) == expected)
    }

    @Test func editDistance() {
        #expect(EditDistance.distance("kitten", "sitting") == 3)
        #expect(EditDistance.distance("", "abc") == 3)
        #expect(EditDistance.distance("日本", "日本語") == 1)
        #expect(EditDistance.distance("modle", "model") == 1)
    }
}
