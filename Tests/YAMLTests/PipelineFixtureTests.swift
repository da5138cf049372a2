import Basics
import Foundation
import Testing
import TestSupport
import YAML

/// The demo pipelines' YAML files load to exactly PyYAML's values (expected JSON made by generate.py).
struct PipelineFixtureTests {
    static let files: [String] = [
        "Blackjack/config", "Blackjack/items", "DrunkenSailor/config", "DrunkenSailor/items",
        "NPCDialog/config", "NPCDialog/items",
    ]

    @Test(.enabled(if: TestPaths.hasShared), arguments: files)
    func loadsLikePyYAML(_ file: String) throws {
        let source = try #require(TestPaths.shared("octobatch-pipelines/\(file).yaml"))
        let expectedURL = TestPaths.fixture("YAML/pipelines/\(file.replacingOccurrences(of: "/", with: ".")).json")
        let expected = try TestPaths.text(expectedURL)
        let document = try YAMLLoader.document(contentsOf: source, displayPath: "\(file).yaml")
        #expect(JSONWriter.python(document.value) == expected)
        #expect(document.path == "\(file).yaml")
    }

    @Test(.enabled(if: TestPaths.hasShared))
    func blackjackKeyLocations() throws {
        let source = try #require(TestPaths.shared("octobatch-pipelines/Blackjack/config.yaml"))
        let document = try YAMLLoader.document(contentsOf: source, displayPath: "config.yaml")
        let steps = try #require(document.node(at: ["pipeline", "steps"]))
        let first = try #require(steps[0])
        let found = try #require(document.lookup("name", in: first))
        // `    - name: deal_cards` is line 14 of the file.
        #expect(found.keyLocation == SourceLocation(file: "config.yaml", line: 14, column: 7, length: 4))
        #expect(found.valueLocation == SourceLocation(file: "config.yaml", line: 14, column: 13, length: 10))
        #expect(found.entry.value.scalar?.text == "deal_cards")
    }
}
