import Basics
import Commands
import TestSupport
import Testing

@Suite struct RenderPipelineStepTests {
    @Test(.enabled(if: TestPaths.hasShared))
    func rendersAUnitsPromptWithUpstreamExpressionStepsEvaluated() async throws {
        let pipeline = try #require(TestPaths.shared("octobatch-pipelines/DrunkenSailor")).path
        let golden = try #require(TestPaths.shared("testdata/octobatch-golden/drunken_sailor_random_walk_validated.jsonl"))
        let record = try #require(try JSONLReader.records(path: golden.path).dropFirst(3).first)
        let unit = try #require(record["unit_id"]?.stringValue)
        let run = await ToolRun.run(["render", pipeline, "--step", "analyze", "--unit", unit])
        #expect(run.code == .success)
        #expect(run.stdout.contains("Final position: \(record["position"]?.pythonStr ?? "?")\n"))
        #expect(run.stdout.contains("Path taken: \(record["path"]?.pythonStr ?? "?")\n"))
        #expect(run.stdout.contains("\"scenario_name\": \"Start at Position 5\","))
    }

    @Test(.enabled(if: TestPaths.hasShared))
    func fieldsOfEarlierLLMStepsComeFromContextOrAreNamed() async throws {
        let pipeline = try #require(TestPaths.shared("octobatch-pipelines/NPCDialog")).path
        let missing = await ToolRun.run(["render", pipeline, "--step", "score_consistency"])
        #expect(missing.code == .failure)
        #expect(missing.stderr.contains("'greeting' is undefined; that field comes from the LLM step 'generate_dialog'"))
        let given = await ToolRun.run(["render", pipeline, "--step", "score_consistency", "--context",
                                       #"{"greeting": "Hm.", "tone": "cold", "dialog": "NPC: Go away."}"#])
        #expect(given.code == .success)
        #expect(given.stdout.contains("Greeting: Hm.\nTone: cold\nFull exchange:\nNPC: Go away.\n"))
        let wrongStep = await ToolRun.run(["render", pipeline, "--step", "score"])
        #expect(wrongStep.code == .usage)
    }
}
