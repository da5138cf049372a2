import Foundation
import Pipeline
@testable import Runtime
import Testing

@Suite struct CompletionHelperTests {
    @Test func aScriptPastItsTimeLimitIsStopped() async throws {
        let started = ContinuousClock.now
        let result = try await ScriptProcess(executable: "/bin/sh", arguments: ["-c", "echo begun; sleep 60"],
                                             timeout: .milliseconds(300)).run()
        #expect(result.ending == .timedOut)
        #expect(String(decoding: result.stdout, as: UTF8.self) == "begun\n")
        #expect(ContinuousClock.now - started < .seconds(50), "stopped long before the sleep ends (generous: parallel tests load the 2 cores)")
        #expect(result.endingDescription(timeout: .seconds(600)) == "timed out after 600s")
    }

    @Test func exitStatusAndStreamsAreCaptured() async throws {
        let result = try await ScriptProcess(executable: "/bin/sh", arguments: ["-c", "echo out; echo err >&2; echo; exit 4"],
                                             timeout: .seconds(30)).run()
        #expect(result.ending == .exited(4))
        #expect(!result.succeeded)
        #expect(String(decoding: result.stdout, as: UTF8.self) == "out\n\n")
        #expect(result.stderrLines == ["err"])
    }

    @Test func globMatchesSegmentsDotFilesAndDoubleStar() throws {
        let dir = try TemporaryDirectory()
        for file in ["a/x.jsonl", "a/.hidden.jsonl", "b/c/y.jsonl", "b/z.txt", "top.jsonl"] { try dir.write("", to: file) }
        let root = dir.path
        #expect(FileGlob.matches("*/*.jsonl", under: root) == ["\(root)/a/.hidden.jsonl", "\(root)/a/x.jsonl"])
        #expect(FileGlob.matches("**/*.jsonl", under: root)
            == ["\(root)/a/.hidden.jsonl", "\(root)/a/x.jsonl", "\(root)/b/c/y.jsonl", "\(root)/top.jsonl"])
        #expect(FileGlob.matches("b/z.txt", under: root) == ["\(root)/b/z.txt"])
        #expect(FileGlob.matches("b/[cd]", under: root) == ["\(root)/b/c"])
        #expect(FileGlob.matches("nothing/*", under: root).isEmpty)
    }

    @Test func scriptsResolveAgainstTheFoldersInOrder() throws {
        let dir = try TemporaryDirectory()
        try dir.write("", to: "pipeline/tools/a.py")
        try dir.write("", to: "config/tools/a.py")
        try dir.write("", to: "config/b.sh")
        let folders = [dir.file("pipeline"), dir.file("config")]
        let a = try #require(ScriptCommand.locate("tools/a.py", in: folders))
        #expect(a.path == dir.file("pipeline/tools/a.py"))
        #expect(a.isPython)
        #expect(ScriptCommand.locate("b.sh", in: folders)?.path == dir.file("config/b.sh"))
        #expect(ScriptCommand.locate("tools", in: folders) == nil, "a folder is not a script")
        #expect(ScriptCommand.locate("missing.py", in: folders) == nil)
    }

    @Test func extractionIsChosenByScriptNameOrOutputDir() {
        func step(script: String?, outputDir: String?) -> StepConfig {
            var step = StepConfig(name: "extract", path: ConfigPath(), scope: .run)
            step.script = script
            if let outputDir { step.runOptions["output_dir"] = outputDir }
            return step
        }
        #expect(UnitExtractor.handles(step(script: "scripts/extract_units.py", outputDir: nil)))
        #expect(UnitExtractor.handles(step(script: "extract_units.py", outputDir: nil)))
        #expect(UnitExtractor.handles(step(script: nil, outputDir: "out")))
        #expect(!UnitExtractor.handles(step(script: "my_extract_units.py", outputDir: "out")))
        #expect(!UnitExtractor.handles(step(script: "publish.sh", outputDir: nil)))
    }
}
