import Basics
import Pipeline
import Providers
import Testing

@Suite struct StepGraphTests {
    func step(_ name: String, _ scope: StepConfig.Scope = .chunk, dependsOn: [String]? = nil) -> StepConfig {
        var s = StepConfig(name: name, path: ConfigPath([.key("pipeline"), .key("steps")]), scope: scope)
        s.dependsOn = dependsOn
        return s
    }

    func build(_ steps: [StepConfig]) -> (StepGraph?, [Diagnostic]) {
        var d = DiagnosticCollector()
        let graph = StepGraph.build(steps: steps, locator: PathLocator(), into: &d)
        return (graph, d.diagnostics)
    }

    @Test func defaultIsALinearChainSkippingRunSteps() throws {
        let (graph, _) = build([step("a", .expression), step("b"), step("export", .run), step("c")])
        let g = try #require(graph)
        #expect(g.order == ["a", "b", "c"])
        #expect(g.dependencies["c"] == ["b"])
        #expect(g.dependencies["a"] == [])
        #expect(g.sinks == ["c"])
    }

    @Test func dependsOnMakesADagWithAStableOrder() throws {
        let (graph, _) = build([step("gen"), step("score", dependsOn: ["gen"]), step("tag", dependsOn: ["gen"]),
                                step("join", dependsOn: ["score", "tag"])])
        let g = try #require(graph)
        #expect(g.order == ["gen", "score", "tag", "join"])
        #expect(g.dependents(of: "gen") == ["score", "tag"])
        #expect(g.ancestors(of: "join") == ["gen", "score", "tag"])
    }

    @Test func laterStepsMayBeDeclaredFirst() throws {
        let (graph, _) = build([step("b", dependsOn: ["a"]), step("a", dependsOn: [])])
        #expect(try #require(graph).order == ["a", "b"])
    }

    @Test(arguments: [
        ([("a", ["b"]), ("b", ["a"])], "graph.cycle"),
        ([("a", ["a"])], "graph.self-dependency"),
        ([("a", []), ("b", ["aa"])], "graph.unknown-dependency"),
    ] as [([(String, [String])], String)])
    func mistakes(spec: [(String, [String])], id: String) {
        let (graph, diagnostics) = build(spec.map { step($0.0, dependsOn: $0.1) })
        #expect(graph == nil)
        #expect(diagnostics.map(\.id) == [id])
    }

    @Test func cycleMessageNamesThePath() {
        let (_, d) = build([step("a", dependsOn: ["c"]), step("b", dependsOn: ["a"]), step("c", dependsOn: ["b"])])
        #expect(d.first?.message == "the steps depend on each other in a cycle: a -> c -> b -> a")
    }
}

@Suite struct ProviderResolutionTests {
    let registry = ModelRegistry(providers: [
        .init(name: "openai", keyVariable: "OPENAI_API_KEY", defaultModel: "gpt-4o-mini", batchDiscount: 0.5,
              models: [.init(name: "gpt-4o-mini", displayName: "", inputPerMillion: 0.3, outputPerMillion: 1.2, supportsBatch: true),
                       .init(name: "gpt-4o", displayName: "", inputPerMillion: 5, outputPerMillion: 15, supportsBatch: true)]),
        .init(name: "gemini", keyVariable: "GOOGLE_API_KEY", defaultModel: "gemini-2.5-flash", batchDiscount: 0.5,
              models: [.init(name: "gemini-2.5-flash", displayName: "", inputPerMillion: 0.3, outputPerMillion: 2.5, supportsBatch: true)]),
    ])

    func resolve(step: (String?, String?), api: (String?, String?), cli: (String?, String?)) -> (ProviderResolution?, [String]) {
        var s = StepConfig(name: "s", path: ConfigPath(), scope: .chunk)
        s.provider = step.0
        s.model = step.1
        var a = APIConfig()
        a.provider = api.0
        a.model = api.1
        var d = DiagnosticCollector()
        let r = ProviderResolution.resolve(step: s, api: a, overrides: .init(provider: cli.0, model: cli.1),
                                           registry: registry, locator: PathLocator(), into: &d)
        return (r, d.diagnostics.map(\.id))
    }

    @Test func priorityIsCommandLineThenStepThenApiThenRegistry() {
        #expect(resolve(step: (nil, nil), api: ("openai", nil), cli: (nil, nil)).0?.model == "gpt-4o-mini")
        #expect(resolve(step: (nil, "gpt-4o"), api: ("openai", nil), cli: (nil, nil)).0?.model == "gpt-4o")
        #expect(resolve(step: ("gemini", nil), api: ("openai", "gpt-4o"), cli: (nil, nil)).0?.model == "gemini-2.5-flash")
        let cli = resolve(step: ("gemini", "gemini-2.5-flash"), api: (nil, nil), cli: ("openai", nil)).0
        #expect(cli?.provider == "openai")
        #expect(cli?.model == "gpt-4o-mini")
        #expect(cli?.providerSource == "command line")
        #expect(resolve(step: (nil, nil), api: ("openai", nil), cli: (nil, "gpt-4o")).0?.modelSource == "command line")
    }

    @Test func noProviderIsAnErrorThatSaysHowToChooseOne() {
        let (r, ids) = resolve(step: (nil, nil), api: (nil, nil), cli: (nil, nil))
        #expect(r == nil)
        #expect(ids == ["provider.none"])
    }

    @Test func unknownModelIsAWarningWithASuggestion() {
        let (r, ids) = resolve(step: (nil, "gpt-4o-mni"), api: ("openai", nil), cli: (nil, nil))
        #expect(r?.priced == false)
        #expect(ids == ["provider.unknown-model"])
    }
}
