import Basics
import Foundation
import Pipeline
import Providers
import Runtime

/// A small pipeline written to a temporary folder, planned with the mock provider, and run in-process.
struct SchedulerFixture {
    let root: URL
    let items: Int

    static func config(flaky: Bool) -> String { flaky ? baseConfig.replacingOccurrences(
        of: "answer: \"double + 1\"", with: "answer: \"(double + 1) if random.random() < 0.5 else 0\"") : baseConfig }

    static let baseConfig = """
        pipeline:
          steps:
            - name: prepare
              scope: expression
              expressions:
                double: "n * 2"
                inverse: "10 // n"
            - name: ask
              mock:
                answer: "double + 1"
                label: "'unit ' + unit_id"
        api:
          provider: mock
        processing:
          strategy: direct
          chunk_size: 4
          items:
            source: items.yaml
            key: items
            name_field: id
        prompts:
          template_dir: templates
          templates:
            ask: ask.jinja2
        schemas:
          schema_dir: schemas
          files:
            ask: ask.json
        validation:
          ask:
            required: [answer, label]
            rules:
              - name: positive
                expr: "answer > 0"

        """

    static let schema = """
        {"type": "object", "required": ["answer", "label"],
         "properties": {"answer": {"type": "integer"}, "label": {"type": "string"}}}
        """

    /// `items` units with n = 1…items (`zeroAt` puts a 0 in, which makes `10 // n` fail for that unit).
    init(items: Int = 10, zeroAt: Int? = nil, flaky: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sched-\(UUID().uuidString)")
        self.items = items
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("pipe/templates"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("pipe/schemas"), withIntermediateDirectories: true)
        try Self.config(flaky: flaky).write(to: root.appendingPathComponent("pipe/config.yaml"), atomically: true, encoding: .utf8)
        try "Unit {{ unit_id }} doubled is {{ double }}.\n"
            .write(to: root.appendingPathComponent("pipe/templates/ask.jinja2"), atomically: true, encoding: .utf8)
        try Self.schema.write(to: root.appendingPathComponent("pipe/schemas/ask.json"), atomically: true, encoding: .utf8)
        var yaml = "items:\n"
        for i in 1...items { yaml += "  - {id: u\(i), n: \(i == zeroAt ? 0 : i)}\n" }
        try yaml.write(to: root.appendingPathComponent("pipe/items.yaml"), atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    var runDirectory: String { root.appendingPathComponent("run").path }

    func plan(registry: ModelRegistry) throws -> ExecutionPlan {
        let source = try PipelineSource.resolve(root.appendingPathComponent("pipe").path, currentDirectory: root.path)
        let pipeline = try PipelineLoader.load(source, registry: registry)
        let report = PlanCompiler.compile(pipeline, registry: registry, environment: [:])
        guard let plan = report.plan else { throw DiagnosticsError(report.diagnostics) }
        return plan
    }

    /// Creates the run (first call only) and executes it.
    func run(options: RunOptions = RunOptions(), registry: ModelRegistry? = nil,
             settings: MockProviderSettings = MockProviderSettings(),
             wrap: @escaping @Sendable (MockProvider) -> any LLMProvider = { $0 }) async throws -> RunOutcome {
        let registry = try registry ?? RegistryLoader.load(environment: [:])
        let plan = try self.plan(registry: registry)
        let store: RunStore
        if FileManager.default.fileExists(atPath: runDirectory + "/MANIFEST.json") {
            store = try RunStore.open(at: runDirectory)
        } else {
            store = try RunCreator.create(plan: plan, at: runDirectory, options: options, overrides: PlanOverrides())
        }
        let executor = RunExecutor(store: store, plan: plan, options: options, registry: registry,
                                   observer: SilentRunObserver()) { _, plan in
            wrap(MockProvider(settings: settings, seed: 7, answerSource: MockAnswers.source(for: plan)))
        }
        return try await executor.execute()
    }

    /// Every record of `<step>_<kind>.jsonl` across chunks.
    func records(_ step: String, _ kind: String) throws -> [Value] {
        var all: [Value] = []
        let chunks = root.appendingPathComponent("run/chunks")
        for chunk in try FileManager.default.contentsOfDirectory(atPath: chunks.path).sorted() {
            let path = chunks.appendingPathComponent("\(chunk)/\(step)_\(kind).jsonl").path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            all += try JSONLReader.records(path: path)
        }
        return all
    }
}

/// A registry where the mock model costs real money, for cost-cap tests.
enum PricedRegistry {
    static func make() -> ModelRegistry {
        ModelRegistry(providers: [
            .init(name: "mock", keyVariable: nil, defaultModel: "mock-1", batchDiscount: 0.5,
                  models: [.init(name: "mock-1", displayName: "priced mock", inputPerMillion: 1000,
                                 outputPerMillion: 1000, supportsBatch: true)]),
        ])
    }
}
