import Basics
import Foundation
import TestSupport
import Testing
@testable import Templates

/// Free-variable analysis against `jinja2.meta.find_undeclared_variables` (as sets), plus the order and
/// locations of first uses, which Jinja2 does not report.
@Suite struct FreeVariableTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let template: String
        let undeclared: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        guard let text = try? TestPaths.text(TestPaths.fixture("Templates/free_variables.jsonl")) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let r = try? JSONReader.parse(String(line)).objectValue else { return nil }
            return Case(name: r["name"]?.stringValue ?? "", template: r["template"]?.stringValue ?? "",
                        undeclared: (r["undeclared"]?.arrayValue ?? []).compactMap(\.stringValue))
        }
    }()

    @Test(arguments: cases)
    func matchesJinjaMeta(_ c: Case) throws {
        let template = try Template(source: c.template)
        #expect(Set(template.freeVariables.map(\.name)) == Set(c.undeclared))
    }

    @Test func fixtureIsPresent() { #expect(Self.cases.count >= 10) }

    @Test func firstUseOrderAndLocations() throws {
        let template = try Template(source: "Hi {{ user.name }}\n{% for x in items %}{{ x }} {{ user }}{% endfor %}\n  {{ z | default(w) }}",
                                    name: "t.jinja2")
        let found = template.freeVariables
        #expect(found.map(\.name) == ["user", "items", "z", "w"])
        #expect(found.map(\.location.line) == [1, 2, 3, 3])
        #expect(found.map(\.location.column) == [7, 13, 6, 18])
        #expect(found[0].location.file == "t.jinja2")
        #expect(found[1].location.length == 5)
    }

    @Test func attributePathsOfFreeVariables() throws {
        let template = try Template(source: "{{ npc.name }} {{ npc['stats'].hp }}\n{% set m = mood %}{{ m.name }}"
                                    + "{{ npc.name }}{{ topic.a.b | upper }}{{ xs[0].q }}", name: "t")
        let paths = template.attributePaths
        #expect(paths.map { $0.components.joined(separator: ".") }
                == ["npc.name", "npc.stats.hp", "npc.stats", "topic.a.b", "topic.a"])
        #expect(paths[1].location.line == 1)
        #expect(paths[1].location.column == 19)
        #expect(paths[0].location.length == 8)
    }

    @Test func demoAttributePaths() throws {
        let template = try Template(source: "{{ npc.name }}\n{{ npc.description }}\n{{ mood.name }}")
        #expect(template.attributePaths.map(\.description) == ["npc.name at <template>:1:4", "npc.description at <template>:2:4",
                                                               "mood.name at <template>:3:4"])
    }

    @Test func namesSetInABranchCountAsDefinedAfterwards() throws {
        let template = try Template(source: "{% if a %}{% set b = 1 %}{% endif %}{{ b }}")
        #expect(template.freeVariables.map(\.name) == ["a"])
    }

    @Test func useBeforeSetIsFree() throws {
        let template = try Template(source: "{{ n }}{% set n = 1 %}{{ n }}")
        #expect(template.freeVariables.map(\.name) == ["n"])
    }

    @Test func includedTemplatesContributeTheirNamesWithTheirLocations() throws {
        let loader = TemplateDictionary([
            "main.jinja2": "{% set local = 1 %}{% include 'part.jinja2' %}{{ top }}",
            "part.jinja2": "{{ local }}\n{{ inner }}",
        ])
        let template = try loader.template(named: "main.jinja2")
        let found = template.freeVariables
        #expect(found.map(\.name) == ["inner", "top"])
        #expect(found[0].location.file == "part.jinja2")
        #expect(found[0].location.line == 2)
    }

    @Test func templatesThatCannotBeLoadedAreReportedWhereTheyAreNamed() throws {
        let loader = TemplateDictionary([
            "main.jinja2": "A\n{% include 'gone.jinja2' %}{% include 'maybe.jinja2' ignore missing %}\n"
                + "{% include 'part.jinja2' %}{% import 'macros.jinja2' as m %}{% include 'gone.jinja2' %}",
            "part.jinja2": "{% from 'lib.jinja2' import x %}",
            "macros.jinja2": "{% macro f() %}{{ 1 + }}{% endmacro %}",
        ])
        let problems = try loader.template(named: "main.jinja2").loadErrors
        // Each place that names a missing template is reported; a broken one once, with its own location.
        #expect(problems.map(\.kind) == [.notFound, .notFound, .syntax, .notFound])
        #expect(problems[0].message == "template 'gone.jinja2' named by {% include %} does not exist")
        #expect(problems[0].location?.file == "main.jinja2")
        #expect(problems[0].location?.line == 2)
        #expect(problems[0].location?.column == 1)
        #expect(problems[1].message == "template 'lib.jinja2' named by {% from %} does not exist")
        #expect(problems[1].location?.file == "part.jinja2")
        #expect(problems[2].location?.file == "macros.jinja2")
        #expect(problems[3].location?.line == 3)
        // Without a loader nothing can be checked (and nothing is claimed).
        #expect(try Template(source: "{% include 'x' %}").loadErrors.isEmpty)
    }

    @Test func recursiveIncludesTerminate() throws {
        let loader = TemplateDictionary(["a": "{{ x }}{% include 'b' %}", "b": "{{ y }}{% include 'a' %}"])
        #expect(try loader.template(named: "a").freeVariables.map(\.name) == ["x", "y"])
    }
}
