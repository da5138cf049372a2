import Basics
import Pipeline
import Testing

/// A locator that encodes the path in the location, so tests can assert where a finding points.
struct PathLocator: SourceLocator {
    func location(of path: ConfigPath, key: Bool) -> Basics.SourceLocation? {
        Basics.SourceLocation(file: (key ? "key:" : "value:") + path.description, line: 1, column: 1)
    }
}

@Suite struct PipelineConfigDecoderTests {
    static let drunkenSailor: Value = [
        "pipeline": ["steps": [
            ["name": "random_walk", "scope": "expression",
             "init": ["position": "start_position", "path": "[start_position]", "steps_taken": "0"],
             "expressions": ["direction": "random.choice([-1, 1])", "position": "position + direction"],
             "loop_until": "position <= 0 or position >= 10", "max_iterations": 1000],
            ["name": "analyze", "prompt_template": "analyze.jinja2"],
        ]],
        "api": ["retry": ["max_attempts": 3]],
        "processing": ["strategy": "direct", "repeat": 100, "chunk_size": 100,
                       "items": ["source": "items.yaml", "key": "scenarios", "name_field": "id"]],
        "prompts": ["template_dir": "templates", "templates": ["analyze": "analyze.jinja2"]],
        "schemas": ["schema_dir": "schemas", "files": ["analyze": "analyze.json"]],
        "validation": ["analyze": ["required": ["outcome"], "types": ["outcome": "string"]]],
    ]

    func decode(_ document: Value) -> (PipelineConfig?, [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        let config = PipelineConfigDecoder(locator: PathLocator())
            .decode(document, configFile: "/p/DS/config.yaml", configDirectory: "/p/DS", into: &diagnostics)
        return (config, diagnostics.diagnostics)
    }

    @Test func decodesTheDrunkenSailorShape() throws {
        let (config, diagnostics) = decode(Self.drunkenSailor)
        #expect(diagnostics.isEmpty)
        let c = try #require(config)
        #expect(c.name == "DS")
        #expect(c.steps.map(\.name) == ["random_walk", "analyze"])
        #expect(c.steps[0].scope == .expression)
        #expect(c.steps[0].initExpressions.map(\.name) == ["position", "path", "steps_taken"])
        #expect(c.steps[0].loopUntil?.source == "position <= 0 or position >= 10")
        #expect(c.steps[1].isLLM)
        #expect(c.processing.generation == UnitGenerationSpec(strategy: .direct, itemsKey: "scenarios", nameField: "id", repeatCount: 100))
        #expect(c.api.retry.maxAttempts == 3)
        #expect(c.validation["analyze"]?.required == ["outcome"])
    }

    @Test func reportsEveryMistakeInOnePass() {
        var doc = Self.drunkenSailor
        guard case .object(var root) = doc else { return }
        root["promts"] = ["template_dir": "t"]
        root["processing"] = ["strategy": "diect", "chunk_size": 0, "items": ["key": "s"]]
        root["api"] = ["provider": "opnai", "retry": ["max_attempts": "three"]]
        doc = .object(root)
        let (config, diagnostics) = decode(doc)
        #expect(config == nil)
        let found = diagnostics.map { "\($0.id) \($0.location?.file ?? "")" }
        #expect(found.contains("config.unknown-key key:promts"))
        #expect(found.contains("config.bad-value value:processing.strategy"))
        #expect(found.contains("config.bad-value value:processing.chunk_size"))
        #expect(found.contains("config.missing-key value:processing.items"))
        #expect(found.contains("config.bad-value value:api.provider"))
        #expect(found.contains("config.wrong-type value:api.retry.max_attempts"))
        #expect(diagnostics.first { $0.id == "config.unknown-key" }?.help == "did you mean 'prompts'?")
        #expect(diagnostics.first { $0.location?.file == "value:api.provider" }?.message
            == "'api.provider' must be one of openai, anthropic, gemini, mock, not 'opnai' (did you mean 'openai'?)")
    }

    @Test func stepProblems() {
        let doc: Value = [
            "pipeline": ["steps": [
                ["name": "a", "scope": "expression"],
                ["name": "a", "scope": "fan_out"],
                ["scope": "chunk", "temprature": 0.5],
                "oops",
            ]],
            "processing": ["strategy": "direct", "items": ["source": "i.yaml"]],
        ]
        let (_, diagnostics) = decode(doc)
        let ids = diagnostics.map(\.id)
        #expect(ids.filter { $0 == "config.missing-key" }.count == 3)  // expressions, field, name
        #expect(ids.contains("config.duplicate-step"))
        #expect(ids.contains("config.wrong-type"))
        #expect(diagnostics.first { $0.id == "config.unknown-key" }?.help == "did you mean 'temperature'?")
    }
}
