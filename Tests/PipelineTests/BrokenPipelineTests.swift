import Basics
import Foundation
import Pipeline
import TestSupport
import Testing

/// The acceptance set of `octobatch validate` (issue 6): every broken fixture reports its one mistake at the
/// marked place and nothing else; every good pipeline reports nothing.
@Suite struct BrokenPipelineTests {
    static let brokenRoot = TestPaths.fixture("Pipeline/broken")

    static let brokenCases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: brokenRoot.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// The repository's good fixtures, its `pipelines/` folder and the upstream demos in `../shared`.
    static let goodPipelines: [String] = {
        var folders: [URL] = []
        let roots = [TestPaths.fixture("Pipeline/valid"), TestPaths.packageRoot.appendingPathComponent("pipelines"),
                     TestPaths.shared("octobatch-pipelines")].compactMap { $0 }
        for root in roots {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
            for name in names.sorted() where FileManager.default.fileExists(
                atPath: root.appendingPathComponent(name).appendingPathComponent("config.yaml").path) {
                folders.append(root.appendingPathComponent(name))
            }
        }
        return folders.map(\.path)
    }()

    @Test func fixtureSetCoversAtLeastFortyDistinctMistakes() throws {
        #expect(Self.brokenCases.count >= 40)
        var contents: [String: String] = [:]
        for name in Self.brokenCases {
            let folder = Self.brokenRoot.appendingPathComponent(name)
            #expect(try !ExpectedFinding.all(in: folder).isEmpty, "\(name) marks no expected finding")
            var text = ""
            for file in try ExpectedFinding.files(in: folder) {
                text += file + "\n" + (try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            }
            if let twin = contents.updateValue(name, forKey: text) {
                Issue.record("\(name) is the same pipeline as \(twin)")
            }
        }
    }

    @Test(arguments: brokenCases)
    func brokenPipelineReportsItsMistake(name: String) throws {
        let folder = Self.brokenRoot.appendingPathComponent(name)
        let expected = try ExpectedFinding.all(in: folder)
        try #require(!expected.isEmpty, "\(name) marks no expected finding")
        let diagnostics = try PipelineValidation.findings(folder: folder,
                                                          provider: try PipelineValidation.provider(for: folder))
        let reported = diagnostics.filter { $0.severity >= .warning }
        let listing = PipelineValidation.describe(reported)
        let found = Set(reported.map(ExpectedFinding.init))
        for finding in expected {
            #expect(found.contains(finding), "expected \(finding); reported:\n\(listing)")
        }
        for diagnostic in reported {
            #expect(expected.contains(ExpectedFinding(diagnostic)), "unexpected finding in \(name):\n\(listing)")
        }
        #expect(found.count == reported.count, "a finding is reported twice in \(name):\n\(listing)")
        #expect(reported.allSatisfy { !$0.message.isEmpty })
    }

    @Test(arguments: goodPipelines)
    func goodPipelineHasNoFindings(path: String) throws {
        let diagnostics = try PipelineValidation.findings(folder: URL(fileURLWithPath: path), provider: "mock")
        let reported = diagnostics.filter { $0.severity >= .warning }
        #expect(reported.isEmpty, "\(path):\n\(PipelineValidation.describe(reported))")
    }

    @Test(.enabled(if: TestPaths.hasShared)) func upstreamDemosAreChecked() {
        for demo in ["Blackjack", "DrunkenSailor", "NPCDialog"] {
            #expect(Self.goodPipelines.contains { $0.hasSuffix("/octobatch-pipelines/\(demo)") })
        }
    }
}
