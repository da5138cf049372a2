import Basics
import Foundation
import TestSupport
import Testing
@testable import Templates

/// The public surface the Pipeline and Runtime modules use: compile once, render many (concurrently),
/// typed and located errors, the directory loader and its cache.
@Suite struct TemplateAPITests {
    @Test(arguments: [
        ("{% if x %}", 1, 11, "Unexpected end of template"),
        ("line\n  {{ 1 + }}", 2, 10, "unexpected 'end of print statement'"),
        ("a\n\n{% frob %}", 3, 4, "Encountered unknown tag 'frob'."),
        ("{{ x | nosuch }}", 1, 8, "No filter named 'nosuch'."),
        ("ok\n{# never closed", 2, 1, "Missing end of comment tag"),
        ("{{ 'unterminated }}", 1, 4, "unexpected char"),
    ])
    func syntaxErrorsAreLocated(_ source: String, _ line: Int, _ column: Int, _ message: String) {
        do {
            _ = try Template(source: source, name: "bad.jinja2")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.kind == .syntax)
            #expect(error.location == SourceLocation(file: "bad.jinja2", line: line, column: column))
            #expect(error.message.hasPrefix(message), "\(error.message)")
            #expect(error.diagnostic.id == "template.syntax-error")
        }
    }

    @Test(arguments: [
        ("{{ a }}\n{{ b.c.d }}", 2, 8, "'dict object' has no attribute 'd'"),
        ("{% for x in xs %}\n  {{ x / 0 }}{% endfor %}", 2, 6, "division by zero"),
        ("{{ xs | sort(attribute='q') | list }}", 1, 9, "'int object' has no attribute 'q'"),
        ("\n\n   {{ nope }}", 3, 7, "'nope' is undefined"),
    ])
    func renderErrorsAreLocated(_ source: String, _ line: Int, _ column: Int, _ message: String) throws {
        let template = try Template(source: source, name: "unit.jinja2")
        do {
            _ = try template.render(["a": 1, "b": ["c": ["e": 1]], "xs": [2, 1]])
            Issue.record("expected a render error")
        } catch {
            #expect(error.location == SourceLocation(file: "unit.jinja2", line: line, column: column))
            #expect(error.message == message)
            #expect(error.description == "unit.jinja2:\(line):\(column): \(message)")
        }
    }

    @Test func compiledTemplateIsSharedAcrossConcurrentRenders() async throws {
        let template = try Template(source: "{% for c in cards %}{{ loop.index }}={{ c }} {% endfor %}{{ id }}")
        let outputs = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for i in 0..<200 {
                group.addTask {
                    (i, try template.render(["cards": ["A", .string(String(i))], "id": .int(i)]))
                }
            }
            var all: [Int: String] = [:]
            for try await (i, output) in group { all[i] = output }
            return all
        }
        #expect(outputs.count == 200)
        for (i, output) in outputs { #expect(output == "1=A 2=\(i) \(i)") }
    }

    @Test func stringMethodsWorkOnCodePointsAsJinjaDoes() throws {
        // Jinja2 3.1.6 on CPython 3.11 renders 'ας ǆa|ας ǆa|Ας ǅa|Ας ǆa|ας ǄA|True|1'.
        let template = try Template(source: "{{ s|lower }}|{{ s.lower() }}|{{ s.title() }}|{{ s|capitalize }}|"
            + "{{ s.swapcase() }}|{{ 'e' in t }}|{{ t.count('e') }}")
        #expect(try template.render(["s": "ΑΣ ǆa", "t": "e\u{301}"]) == "ας ǆa|ας ǆa|Ας ǅa|Ας ǆa|ας ǄA|True|1")
    }

    @Test func oneFailingUnitDoesNotAffectOthers() throws {
        let template = try Template(source: "{{ npc.name }}")
        let units: [ValueObject] = [["npc": ["name": "A"]], ["npc": [:]], ["npc": ["name": "C"]]]
        let results = units.map { unit in Result { () throws(TemplateError) -> String in try template.render(unit) } }
        #expect((try? results[0].get()) == "A")
        #expect((try? results[2].get()) == "C")
        if case .failure(let error) = results[1] { #expect(error.kind == .undefined) } else { Issue.record("unit 2 should fail") }
    }

    @Test func directoryLoaderCachesAndRefusesEscapes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "Hello {% include 'sub/name.jinja2' %}!".write(to: directory.appendingPathComponent("main.jinja2"),
                                                           atomically: true, encoding: .utf8)
        try "{{ who }}".write(to: directory.appendingPathComponent("sub/name.jinja2"), atomically: true, encoding: .utf8)
        let loader = TemplateDirectory(directory)
        let first = try loader.template(named: "main.jinja2")
        #expect(try first.render(["who": "world"]) == "Hello world!")
        #expect(try loader.template(named: "main.jinja2").compiled === first.compiled)
        #expect(try loader.template(named: "./main.jinja2").compiled === first.compiled)
        #expect(try loader.template(named: "sub//name.jinja2").render(["who": "x"]) == "x")
        for bad in ["../main.jinja2", "/etc/passwd", "sub/../../x", "missing.jinja2"] {
            #expect(throws: TemplateError.self) { try loader.template(named: bad) }
        }
    }

    @Test func includeWithoutLoaderIsNotFound() throws {
        let template = try Template(source: "{% include 'x.jinja2' %}")
        #expect { try template.render([:]) } throws: { ($0 as? TemplateError)?.kind == .notFound }
    }

    @Test func runawayMacroRecursionIsAnErrorNotACrash() throws {
        let template = try Template(source: "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}")
        #expect(throws: TemplateError.self) { try template.render([:]) }
    }

    /// Hostile sources, by name (the sources themselves are too long to show in test output).
    static let hostile: [String: String] = [
        "parentheses": "{{ " + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000) + " }}",
        "not": "{{ " + String(repeating: "not ", count: 5000) + "x }}",
        "minus": "{{ " + String(repeating: "-", count: 5000) + "1 }}",
        "if-blocks": String(repeating: "{% if x %}", count: 5000),
        "lists": "{{ " + String(repeating: "[", count: 5000) + " }}",
        "filters-in-args": "{{ " + String(repeating: "x | default(", count: 3000) + "1" + String(repeating: ")", count: 3000) + " }}",
    ]

    @Test(arguments: hostile.keys.sorted())
    func hostileNestingIsASyntaxErrorNotACrash(_ name: String) {
        let source = Self.hostile[name] ?? ""
        #expect { try Template(source: source) } throws: { ($0 as? TemplateError)?.kind == .syntax }
    }

    @Test func deepButReasonableNestingWorks() throws {
        let source = "{{ " + String(repeating: "(", count: 50) + "1" + String(repeating: ")", count: 50) + " }}"
        #expect(try Template(source: source).render([:]) == "1")
    }

    @Test func macroScopesDoNotOutliveTheRender() throws {
        // A macro closes over the scope that holds it; the renderer must break that cycle.
        weak var leaked: Scope?
        do {
            let template = try Template(source: "{% macro m(x) %}{{ x }}{% endmacro %}{{ m(1) }}")
            let renderer = Renderer(template: template.compiled, context: [:])
            #expect(try renderer.render() == "1")
            leaked = renderer.macroScopes.first
            #expect(leaked != nil)
        }
        #expect(leaked == nil)
    }

    @Test func extendsOutsideTheTopLevelIsRefusedNotMisapplied() throws {
        let loader = TemplateDictionary(["base": "BASE", "part": "{% extends 'base' %}", "main": "a{% include 'part' %}b",
                                         "loop": "{% for i in [1] %}{% extends 'base' %}{% endfor %}"])
        for name in ["main", "loop"] {
            #expect { try loader.template(named: name).render([:]) } throws: {
                ($0 as? TemplateError)?.kind == .unsupported
            }
        }
        #expect(try loader.template(named: "part").render([:]) == "BASE")
    }

    @Test func extendsCycleIsAnError() throws {
        let loader = TemplateDictionary(["a": "{% extends 'b' %}", "b": "{% extends 'a' %}", "self": "{% extends 'self' %}"])
        for name in ["a", "self"] {
            #expect(throws: TemplateError.self) { try loader.template(named: name).render([:]) }
        }
    }

    @Test(arguments: [
        "{{ range(-9223372036854775807, 9223372036854775807) | length }}",
        "{{ [1, 2, 3][1::9223372036854775807] }}{{ [1, 2, 3][::-9223372036854775807] }}",
        "{{ 9223372036854775807 | round(-1) }}",
        "{{ 1.5 | round(-1000000000000, 'ceil') }}",
        "{{ 'x' | center(1000000000000) }}",
        "{{ [1] | batch(1000000000000, 'x') | list }}",
        "{{ [1] | slice(1000000000000) | list }}",
        "{{ 'x'.center(1000000000000) }}",
        "{{ 'x' | indent(1000000000000) }}",
        "{{ 'abc' | truncate(9223372036854775807) }}{{ [1] | truncate(9223372036854775807) }}",
        "{{ 'abc' | truncate(5, leeway=9223372036854775807) }}",
    ])
    func extremeArgumentsFailOrWorkWithoutTrapping(_ source: String) throws {
        let template = try Template(source: source)
        if let output = try? template.render([:]) { #expect(!output.isEmpty) }
    }

    @Test func valuesPrintWithPythonStr() throws {
        let template = try Template(source: "{{ a }}|{{ b }}|{{ c }}|{{ d }}|{{ e }}|{{ f }}")
        let output = try template.render(["a": ["x", 1, .null, true], "b": ["k": "v"], "c": 0.1, "d": 1e16,
                                          "e": .double(2), "f": .tuple([.int(1)])])
        #expect(output == "['x', 1, None, True]|{'k': 'v'}|0.1|1e+16|2.0|(1,)")
    }
}
