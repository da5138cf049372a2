import Basics
import Foundation
import Pipeline
import Providers
import Runtime
import Testing

/// Fan-out, parallel branches joined by unit id, and per-call timeouts.
@Suite struct GraphSchedulerTests {
    static let config = """
        pipeline:
          steps:
            - name: split
              scope: expression
              expressions:
                parts: "[n, n + 1]"
            - name: each
              scope: fan_out
              field: parts
              child_field: part
            - name: left
              depends_on: [each]
              mock:
                l: "part * 10"
            - name: right
              depends_on: each
              mock:
                r: "part + 1"
            - name: join
              scope: expression
              depends_on: [left, right]
              expressions:
                total: "l + r"
        api:
          provider: mock
          retry: {max_attempts: 1}
        processing:
          strategy: direct
          chunk_size: 2
          items: {source: items.yaml, key: items, name_field: id}
        prompts:
          templates: {left: part.jinja2, right: part.jinja2}
        validation:
          left: {required: [l], types: {l: integer}}
          right: {required: [r], types: {r: integer}}

        """

    func makePipeline() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("graph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("pipe/templates"), withIntermediateDirectories: true)
        try Self.config.write(to: root.appendingPathComponent("pipe/config.yaml"), atomically: true, encoding: .utf8)
        try "Part {{ part }} of {{ unit_id }}\n".write(to: root.appendingPathComponent("pipe/templates/part.jinja2"),
                                                      atomically: true, encoding: .utf8)
        try "items:\n  - {id: a, n: 1}\n  - {id: b, n: 5}\n  - {id: c, n: 9}\n"
            .write(to: root.appendingPathComponent("pipe/items.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    func run(_ root: URL, options: RunOptions, settings: MockProviderSettings) async throws -> (RunOutcome, ExecutionPlan) {
        let registry = try RegistryLoader.load(environment: [:])
        let source = try PipelineSource.resolve(root.appendingPathComponent("pipe").path, currentDirectory: root.path)
        let report = PlanCompiler.compile(try PipelineLoader.load(source, registry: registry), registry: registry, environment: [:])
        let plan = try #require(report.plan, "\(report.diagnostics)")
        let store = try RunCreator.create(plan: plan, at: root.appendingPathComponent("run").path, options: options,
                                          overrides: PlanOverrides())
        let executor = RunExecutor(store: store, plan: plan, options: options, registry: registry,
                                   observer: SilentRunObserver()) { _, plan in
            MockProvider(settings: settings, answerSource: MockAnswers.source(for: plan))
        }
        return (try await executor.execute(), plan)
    }

    func records(_ root: URL, _ file: String) throws -> [Value] {
        let chunks = root.appendingPathComponent("run/chunks")
        return try FileManager.default.contentsOfDirectory(atPath: chunks.path).sorted().flatMap { chunk in
            let path = chunks.appendingPathComponent("\(chunk)/\(file)").path
            return FileManager.default.fileExists(atPath: path) ? try JSONLReader.records(path: path) : []
        }
    }

    @Test func fanOutBranchesAndJoinByUnitID() async throws {
        let root = try makePipeline()
        defer { try? FileManager.default.removeItem(at: root) }
        let (outcome, plan) = try await run(root, options: RunOptions(), settings: MockProviderSettings())
        #expect(outcome.status == .complete)
        #expect(plan.graph.dependencies["join"] == ["left", "right"])
        let children = try records(root, "each_validated.jsonl")
        #expect(children.count == 6)
        #expect(children.first?["unit_id"] == "a__fan000")
        #expect(children.first?["_fan_parent_id"] == "a")
        let joined = try records(root, "join_validated.jsonl")
        #expect(joined.count == 6)
        for record in joined {
            let part = try #require(record["part"]?.intValue)
            #expect(record["total"] == .int(part * 10 + part + 1), "\(record)")
        }
        let fanOut: Set<String> = ["each"]
        let report = try RunVerifier.verify(runDirectory: root.appendingPathComponent("run").path, graph: plan.graph,
                                            fanOutSteps: fanOut, maxRetries: 5)
        #expect(report.integrity == "OK")
        #expect(report.steps.first { $0.step == "join" }?.expected == 6)
    }

    @Test func aCallThatOutlivesItsDeadlineTimesOutInsteadOfHanging() async throws {
        let root = try makePipeline()
        defer { try? FileManager.default.removeItem(at: root) }
        var options = RunOptions()
        options.callTimeout = .milliseconds(30)
        options.maxRetries = 0
        let (outcome, _) = try await run(root, options: options, settings: MockProviderSettings(latencyMilliseconds: 5_000))
        #expect(outcome.status == .complete)
        let failures = try records(root, "left_failures.jsonl")
        #expect(failures.count == 6)
        #expect(failures.allSatisfy { $0["errors"]?.arrayValue?.first?["rule"] == "TIMEOUT" })
        #expect(try records(root, "join_validated.jsonl").isEmpty, "nothing valid upstream: nothing handed onward")
    }
}
