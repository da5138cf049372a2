import Basics
import Foundation
import TestSupport
import Testing
@testable import Templates

/// The prompt templates of the three demo pipelines (read from ../shared) rendered for unit contexts,
/// against Jinja2's output for the same contexts (Tests/Fixtures/Templates/make_demo_renders.py).
@Suite(.enabled(if: TestPaths.hasShared)) struct DemoTemplateTests {
    struct Render: Sendable, CustomTestStringConvertible {
        let pipeline: String
        let template: String
        let context: ValueObject
        let output: String
        var testDescription: String { "\(pipeline)/\(template) \(context["unit_id"]?.stringValue ?? "")" }
    }

    static let renders: [Render] = {
        guard let text = try? TestPaths.text(TestPaths.fixture("Templates/demo_renders.jsonl")) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let r = try? JSONReader.parse(String(line)).objectValue,
                  let pipeline = r["pipeline"]?.stringValue, let template = r["template"]?.stringValue,
                  let context = r["context"]?.objectValue, let output = r["output"]?.stringValue else { return nil }
            return Render(pipeline: pipeline, template: template, context: context, output: output)
        }
    }()

    static func loader(_ pipeline: String) throws -> TemplateDirectory {
        let url = try #require(TestPaths.shared("octobatch-pipelines/\(pipeline)/templates"))
        return TemplateDirectory(url)
    }

    @Test func fixtureCoversEveryDemoTemplate() {
        let templates = Set(Self.renders.map { "\($0.pipeline)/\($0.template)" })
        #expect(templates == [
            "DrunkenSailor/templates/analyze.jinja2", "Blackjack/templates/play_hand.jinja2",
            "Blackjack/templates/analyze_difficulty.jinja2", "NPCDialog/templates/generate_dialog.jinja2",
            "NPCDialog/templates/score_consistency.jinja2",
        ])
        #expect(Self.renders.count == 60)
    }

    @Test(arguments: renders)
    func rendersByteForByte(_ r: Render) throws {
        let name = String(r.template.dropFirst("templates/".count))
        let template = try Self.loader(r.pipeline).template(named: name)
        let output = try template.render(r.context)
        #expect(output == r.output)
    }

    @Test func actionLogLoopRendersOneBlankLinePerEntry() throws {
        let template = try Template(source: "## Action Log\n{% for entry in action_log %}\n- {{ entry }}\n{% endfor %}\n")
        let output = try template.render(["action_log": ["e1", "e2"]])
        #expect(output == "## Action Log\n" + "\n- e1\n" + "\n- e2\n" + "\n")
    }

    @Test func missingUnitFieldIsALocatedUndefinedError() throws {
        let template = try Self.loader("NPCDialog").template(named: "generate_dialog.jinja2")
        var context = try #require(Self.renders.first { $0.template.hasSuffix("generate_dialog.jinja2") }).context
        context["mood"] = ["name": "Calm"]
        do {
            _ = try template.render(context)
            Issue.record("expected an undefined error")
        } catch {
            #expect(error.kind == .undefined)
            #expect(error.message == "'dict object' has no attribute 'description'")
            #expect(error.location?.file.hasSuffix("generate_dialog.jinja2") == true)
            #expect(error.location?.line == 7)
            #expect(error.location?.column == 9)
            #expect(error.diagnostic.id == "template.undefined-variable")
        }
    }

    @Test func freeVariablesOfTheDemoTemplates() throws {
        let expected: [(String, String, [String])] = [
            ("DrunkenSailor", "analyze.jinja2", ["start_position", "position", "steps_taken", "path", "scenario_name"]),
            ("Blackjack", "play_hand.jinja2", ["strategy_name", "strategy_rules", "player_card_1", "player_card_2",
                                               "dealer_up_card", "dealer_hole_card", "player_extra_cards",
                                               "dealer_extra_cards"]),
            ("Blackjack", "analyze_difficulty.jinja2", ["strategy_name", "strategy_description", "player_card_1",
                                                        "player_card_2", "player_initial_total", "dealer_up_card",
                                                        "first_action", "result", "action_log"]),
            ("NPCDialog", "generate_dialog.jinja2", ["npc", "mood", "topic"]),
            ("NPCDialog", "score_consistency.jinja2", ["npc", "mood", "topic", "greeting", "tone", "dialog"]),
        ]
        for (pipeline, name, names) in expected {
            let template = try Self.loader(pipeline).template(named: name)
            #expect(template.freeVariables.map(\.name) == names, "\(pipeline)/\(name)")
        }
        let analyze = try Self.loader("Blackjack").template(named: "analyze_difficulty.jinja2")
        let entry = try #require(analyze.freeVariables.first { $0.name == "action_log" })
        #expect(entry.location.line == 12)
        #expect(entry.location.column == 17)
    }
}
