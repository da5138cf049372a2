import Commands
import Testing

/// Runs the tool in-process with captured output.
struct ToolRun {
    let code: ExitCode
    let stdout: String
    let stderr: String

    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) async -> ToolRun {
        let out = CapturingSink(), err = CapturingSink()
        let context = CommandContext(stdout: out, stderr: err, stdin: StringInputSource(stdin),
                                     environment: environment, currentDirectory: "/tmp",
                                     stdoutIsTerminal: false, stderrIsTerminal: false)
        let code = await CommandLineTool.run(arguments: arguments, context: context)
        return ToolRun(code: code, stdout: out.text, stderr: err.text)
    }
}

@Suite struct CommandLineToolTests {
    @Test func versionPrintsNameAndVersion() async {
        let run = await ToolRun.run(["--version"])
        #expect(run.code == .success)
        #expect(run.stdout == "octobatch \(ToolInfo.version)\n")
    }

    @Test func helpListsEveryRegisteredCommand() async {
        let run = await ToolRun.run(["--help"])
        #expect(run.code == .success)
        #expect(run.stdout.hasPrefix("octobatch \(ToolInfo.version)"))
        for name in CommandRegistry.names { #expect(run.stdout.contains("\n  \(name) ")) }
        #expect(run.stdout.contains("Exit codes: 0 success, 1 the work failed, 2 usage"))
    }

    @Test func helpCommandShowsAPage() async {
        let run = await ToolRun.run(["help", "help"])
        #expect(run.code == .success)
        #expect(run.stdout.hasPrefix("USAGE: octobatch help [COMMAND]\n"))
        let viaFlag = await ToolRun.run(["help", "--help"])
        #expect(viaFlag.stdout == run.stdout)
    }

    @Test func unknownCommandSuggestsTheNearestAndExits2() async {
        let run = await ToolRun.run(["hepl"])
        #expect(run.code == .usage)
        #expect(run.stderr == "error: unknown command 'hepl'\nhelp: did you mean 'help'?\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func unknownTopLevelOptionSuggestsTheNearest() async {
        let run = await ToolRun.run(["--verison"])
        #expect(run.code == .usage)
        #expect(run.stderr.contains("help: did you mean '--version'?"))
    }

    @Test func unknownCommandOptionIsAUsageErrorWithUsageLine() async {
        let run = await ToolRun.run(["help", "--colour"])
        #expect(run.code == .usage)
        #expect(run.stderr.hasPrefix("error: unknown option '--colour'\n"))
        #expect(run.stderr.contains("usage: octobatch help [COMMAND]"))
    }

    @Test func noArgumentsShowsTheOverview() async {
        let run = await ToolRun.run([])
        #expect(run.code == .success)
        #expect(run.stdout.contains("COMMANDS:"))
    }
}

@Suite struct ArgumentParserTests {
    let parser = ArgumentParser(
        command: "demo",
        options: [.flag("--json", help: "j"), .value("--model", "M", short: "-m", help: "m"),
                  .value("--set", "K=V", help: "s", repeatable: true)],
        positionals: [PositionalSpec("PIPELINE", help: "p"), PositionalSpec("EXTRA", help: "e", optional: true)])

    @Test func parsesFlagsValuesAndPositionals() throws {
        let parsed = try parser.parse(["pipe", "--json", "--model=gpt", "--set", "a=1", "--set", "b=2", "-"])
        #expect(parsed.positionals == ["pipe", "-"])
        #expect(parsed.flag("--json"))
        #expect(parsed.value("--model") == "gpt")
        #expect(parsed.allValues("--set") == ["a=1", "b=2"])
        #expect(try parser.parse(["-m", "x", "p"]).value("--model") == "x")
        #expect(try parser.parse(["p", "--", "--json"]).positionals == ["p", "--json"])
        #expect(try parser.parse(["-5"]).positionals == ["-5"])
    }

    @Test(arguments: [
        (["p", "--modle", "x"], "unknown option '--modle'", "did you mean '--model'?"),
        (["p", "--json=1"], "--json does not take a value", nil),
        (["p", "--model"], "--model needs a value (--model M)", nil),
        (["p", "--model", "a", "--model", "b"], "--model is given more than once", nil),
        ([], "missing PIPELINE", nil),
        (["a", "b", "c"], "unexpected argument 'c'", nil),
    ] as [([String], String, String?)])
    func rejectsMistakes(arguments: [String], message: String, help: String?) {
        #expect(throws: UsageError(message, help: help, command: "demo")) { try parser.parse(arguments) }
    }

    @Test func numericOptionsAreChecked() throws {
        var parsed = ParsedArguments(command: "demo")
        parsed.values["--max-units"] = ["ten"]
        #expect(throws: UsageError.self) { try parsed.int("--max-units", range: 1...Int.max) }
        parsed.values["--max-units"] = ["10"]
        #expect(try parsed.int("--max-units", range: 1...Int.max) == 10)
        parsed.values["--max-cost"] = ["-1"]
        #expect(throws: UsageError.self) { try parsed.double("--max-cost") }
    }
}
