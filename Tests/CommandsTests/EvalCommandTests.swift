import Testing
@testable import Commands

@Suite struct EvalCommandTests {
    @Test func evaluatesAnExpression() async {
        let run = await ToolRun.run(["eval", "sum([1, 2, 3]) / 2"])
        #expect(run.code == .success)
        #expect(run.stdout == "3.0\n")
    }

    @Test func contextAndSeed() async {
        let run = await ToolRun.run(["eval", "[position, random.randint(1, 6)]", "--context", "{\"position\": 4}", "--seed", "0"])
        #expect(run.stdout == "[4, 4]\n")
    }

    @Test func errorsExitWithFailure() async {
        let run = await ToolRun.run(["eval", "1 + nope"])
        #expect(run.code == .failure)
        #expect(run.stderr.contains("NameError: name 'nope' is not defined"))
    }

    @Test func jsonlAnswersEveryLineInOrder() async {
        let input = "{\"expr\": \"1 + 1\", \"context\": {}, \"seed\": null}\nnot json\n{\"expr\": \"x\", \"context\": {\"x\": [1]}, \"seed\": 3}\n"
        let run = await ToolRun.run(["eval", "--jsonl"], stdin: input)
        #expect(run.code == .success)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first == "{\"value\": 2}")
        #expect(lines.last == "{\"value\": [1]}")
    }
}
