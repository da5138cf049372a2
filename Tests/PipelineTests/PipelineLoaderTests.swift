import Basics
import Foundation
import Pipeline
import TestSupport
import Testing

@Suite struct PipelineLoaderTests {
    @Test(.enabled(if: TestPaths.hasShared), arguments: ["Blackjack", "DrunkenSailor", "NPCDialog"])
    func upstreamPipelinesLoadWithoutFindings(name: String) throws {
        let folder = try #require(TestPaths.shared("octobatch-pipelines/\(name)"))
        let source = try PipelineSource.resolve(folder.path, currentDirectory: "/")
        let pipeline = try PipelineLoader.load(source)
        #expect(pipeline.warnings.isEmpty)
        #expect(pipeline.config.name == name)
        let items = try PipelineLoader.items(of: pipeline)
        let units = try UnitGenerator(spec: pipeline.config.processing.generation).units(items: items)
        let expected = ["Blackjack": 900, "DrunkenSailor": 100, "NPCDialog": 60][name]
        #expect(units.count == expected)
        if name == "NPCDialog" {
            #expect(units[0]["unit_id"] == "gruff_blacksmith-friendly-directions")
        }
    }

    @Test func diagnosticsPointAtLineAndColumn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ob-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let yaml = """
            pipeline:
              steps:
                - name: a
                  scope: expresion
            processing:
              strategy: direct
              items:
                source: items.yaml
              chunk_sise: 5

            """
        try yaml.write(to: dir.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        let source = try PipelineSource.resolve(dir.path, currentDirectory: dir.path)
        #expect(source.displayPath == "config.yaml")
        do {
            _ = try PipelineLoader.load(source)
            Issue.record("expected diagnostics")
        } catch {
            let found = error.diagnostics.map { "\($0.id)@\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
            #expect(found == ["config.bad-value@4:14", "config.unknown-key@9:3"])
            #expect(error.diagnostics[0].message.contains("did you mean 'expression'?"))
            #expect(error.diagnostics[1].help == "did you mean 'chunk_size'?")
        }
    }
}
