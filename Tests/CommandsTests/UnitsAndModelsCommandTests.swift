import Basics
import Commands
import TestSupport
import Testing

@Suite struct UnitsAndModelsCommandTests {
    @Test(.enabled(if: TestPaths.hasShared))
    func unitsReproducesTheGoldenDrunkenSailorUnits() async throws {
        let pipeline = try #require(TestPaths.shared("octobatch-pipelines/DrunkenSailor")).path
        let golden = try TestPaths.text(try #require(TestPaths.shared("testdata/octobatch-golden/drunken_sailor_units.jsonl")))
        let run = await ToolRun.run(["units", pipeline])
        #expect(run.code == .success)
        #expect(run.stdout == golden)
        let limited = await ToolRun.run(["units", pipeline, "--max-units", "2", "--repeat", "7"])
        #expect(limited.stdout.split(separator: "\n").count == 2)
    }

    @Test func unitsOfAMissingPipelineIsAUsageError() async {
        let run = await ToolRun.run(["units", "/nonexistent/pipeline"])
        #expect(run.code == .usage)
        #expect(run.stderr.contains("error: no pipeline at '/nonexistent/pipeline' [pipeline.not-found]"))
    }

    @Test func modelsListsPricesAndMarksDefaults() async throws {
        let run = await ToolRun.run(["models", "--provider", "openai", "--json"])
        #expect(run.code == .success)
        let list = try JSONReader.parse(run.stdout)
        let models = try #require(list.arrayValue)
        let mini = try #require(models.first { $0["model"] == "gpt-4o-mini" })
        #expect(mini["default"] == true)
        #expect(mini["batch_input_per_million"]?.numberValue == (mini["input_per_million"]?.numberValue ?? 0) / 2)
        #expect(models.allSatisfy { $0["provider"] == "openai" })
        let mock = await ToolRun.run(["models", "--provider", "mock"])
        #expect(mock.stdout.contains("mock-1"))
    }
}
