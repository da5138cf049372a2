import Basics
import Foundation
import Runtime
import Testing

@Suite struct PostProcessTests {
    static let reportScript = """
        #!/bin/sh
        echo "run=$1"
        shift
        echo "args=$*"
        echo "a warning" >&2

        """

    @Test func aScriptGetsTheRunDirAndArgsAndItsStdoutBecomesTheOutputFile() async throws {
        let fixture = try CompletionFixture(postProcess: """
              - name: Report
                script: scripts/report.sh
                args: ["--group-by", "label", "--title", "Two words"]
                output: reports/summary.txt
              - name: Chatty
                script: scripts/report.sh
                args: ["x"]

            """, scripts: ["scripts/report.sh": Self.reportScript])
        defer { fixture.remove() }
        #expect(try await fixture.run().status == .complete)
        let directory = (fixture.runDirectory as NSString).standardizingPath
        #expect(try fixture.read("reports/summary.txt") == "run=\(directory)\nargs=--group-by label --title Two words\n")
        let log = try fixture.logLines("POST-PROCESS")
        #expect(log.contains("Running: Report..."))
        #expect(log.contains("Report: Output written to reports/summary.txt"))
        #expect(log.contains("Report: a warning"))
        #expect(log.contains("Chatty output:"))
        #expect(log.contains("  run=\(directory)"))
        #expect(log.contains("  args=x"))
        #expect(try fixture.manifest().metadata.extra["completion_tasks_done"]
            == ["post_process[0]:Report", "post_process[1]:Chatty"])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/env")
                   && (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
                       FileManager.default.isExecutableFile(atPath: "\($0)/python3") }))
    func aPythonScriptRunsWithPython3() async throws {
        let fixture = try CompletionFixture(postProcess: """
              - name: Count
                script: count.py
                args: ["ask"]
                output: count.txt

            """, scripts: ["count.py": """
                import glob, sys
                run, step = sys.argv[1], sys.argv[2]
                print(sum(len(open(p).readlines()) for p in glob.glob(run + "/chunks/*/" + step + "_validated.jsonl")))

                """])
        defer { fixture.remove() }
        #expect(try await fixture.run().status == .complete)
        #expect(try fixture.read("count.txt") == "10\n")
    }

    @Test func aMissingOrFailingScriptIsLoggedAndNeverFailsTheRun() async throws {
        let fixture = try CompletionFixture(postProcess: """
              - name: Missing
                script: scripts/nowhere.py
              - name: Broken
                script: broken.sh
                output: broken.txt
              - name: After
                script: scripts/report.sh
                output: after.txt

            """, scripts: ["broken.sh": "#!/bin/sh\necho partial\necho 'bad input' >&2\nexit 3\n",
                           "scripts/report.sh": Self.reportScript])
        defer { fixture.remove() }
        let outcome = try await fixture.run()
        #expect(outcome.status == .complete)
        let log = try fixture.logLines("POST-PROCESS")
        #expect(log.contains { $0.hasPrefix("Missing: Script not found: scripts/nowhere.py (looked in ") })
        #expect(log.contains("Broken: Failed (exit 3)"))
        #expect(log.contains("  bad input"))
        #expect(!fixture.exists("broken.txt"), "a failed script's stdout is not written")
        #expect(fixture.exists("after.txt"), "later entries still run")
        let extra = try fixture.manifest().metadata.extra
        #expect(extra["completion_tasks_done"] == ["post_process[0]:Missing", "post_process[1]:Broken", "post_process[2]:After"])
        #expect(extra["completion_tasks_failed"] == ["post_process[0]:Missing", "post_process[1]:Broken"])
    }

    @Test func gzipReplacesMatchingFilesAndTheRunStaysReadable() async throws {
        let fixture = try CompletionFixture(postProcess: """
              - name: Compress validated
                type: gzip
                files: ["chunks/*/*_validated.jsonl"]
              - name: Compress units
                type: gzip
                files: ["chunks/*/units.jsonl", "chunks/*/units.jsonl.gz", "chunks"]
                keep_originals: true

            """)
        defer { fixture.remove() }
        #expect(try await fixture.run().status == .complete)
        for chunk in ["chunk_000", "chunk_001", "chunk_002"] {
            for step in ["prepare", "ask"] {
                #expect(!fixture.exists("chunks/\(chunk)/\(step)_validated.jsonl"))
                #expect(fixture.exists("chunks/\(chunk)/\(step)_validated.jsonl.gz"))
            }
            #expect(fixture.exists("chunks/\(chunk)/units.jsonl"))
            #expect(fixture.exists("chunks/\(chunk)/units.jsonl.gz"))
            #expect(try fixture.gunzip("chunks/\(chunk)/units.jsonl.gz") == fixture.read("chunks/\(chunk)/units.jsonl"))
        }
        let log = try fixture.logLines("POST-PROCESS")
        #expect(log.contains("Compress validated: Compressed 6 file(s)"))
        #expect(log.contains("Compress units: Compressed 3 file(s) (originals kept)"))

        // Verify and the scheduler's outcomes read the .gz files.
        let store = try RunStore.open(at: fixture.runDirectory)
        #expect(try store.outcomes(chunk: "chunk_000", step: "ask").validIDs == ["u1", "u2", "u3", "u4"])
        let report = try RunVerifier.verify(runDirectory: fixture.runDirectory, stepOrder: ["prepare", "ask"],
                                            dependencies: ["ask": ["prepare"]], maxRetries: 5)
        #expect(report.steps.map(\.valid) == [10, 10])
        #expect(report.totalMissing == 0)

        // Resuming the complete run requests nothing and compresses nothing again.
        #expect(try await fixture.run().status == .complete)
        #expect(try fixture.base.records("ask", "results").count == 10)
        #expect(try fixture.logLines("POST-PROCESS").filter { $0.hasPrefix("Compress validated:") }.count == 1)
    }

    @Test func newWorkAfterGzipExtendsTheRestoredFileAndCompressesAgain() async throws {
        let fixture = try CompletionFixture(postProcess: """
              - name: Compress
                type: gzip
                files: ["chunks/*/ask_validated.jsonl"]

            """)
        defer { fixture.remove() }
        #expect(try await fixture.run().status == .complete)
        try fixture.reopen("ask")
        #expect(try await fixture.run().status == .complete)
        #expect(try fixture.base.records("ask", "results").count == 10, "settled units were not requested again")
        #expect(!fixture.exists("chunks/chunk_000/ask_validated.jsonl"))
        let lines = try fixture.gunzip("chunks/chunk_000/ask_validated.jsonl.gz").split(separator: "\n")
        #expect(lines.count == 4)
        #expect(try fixture.logLines("POST-PROCESS").filter { $0.hasPrefix("Compress:") }.count == 2)
    }
}
