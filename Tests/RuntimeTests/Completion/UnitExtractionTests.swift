import Basics
import Foundation
import Runtime
import Testing

@Suite struct UnitExtractionTests {
    @Test func extractUnitsWritesOneIndentedJSONFilePerRecordOfTheLastStep() async throws {
        let fixture = try CompletionFixture(runSteps: """
                - name: extract
                  scope: run
                  script: scripts/extract_units.py

            """)
        defer { fixture.remove() }
        let outcome = try await fixture.run()
        #expect(outcome.status == .complete)
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture.file("outputs/units")).sorted()
        #expect(names == (1...10).map { "u\($0).json" }.sorted())
        let records = try fixture.base.records("ask", "validated")
        let first = try #require(records.first { $0["unit_id"] == "u1" })
        #expect(try fixture.read("outputs/units/u1.json") == JSONWriter(layout: .indented(2)).string(first))
        #expect(try fixture.read("outputs/units/u1.json").hasPrefix("{\n  \"unit_id\": \"u1\",\n  \"id\": \"u1\","))
        let log = try fixture.logLines("RUN_STEP")
        #expect(log.contains("Running step 'extract': extract_units (built in)"))
        #expect(log.contains("extract: extracted 10 units to outputs/units"))
        #expect(log.contains("Completed step 'extract'"))
        let manifest = try fixture.manifest()
        #expect(manifest.pipeline == ["prepare", "ask"], "run-scoped steps stay out of the chunk pipeline")
        #expect(manifest.extra["completed_run_steps"] == ["extract"])
    }

    @Test func customExpressionsAndGzipWithoutAScript() async throws {
        let fixture = try CompletionFixture(runSteps: """
                - name: export
                  scope: run
                  output_dir: exports/answers
                  filename_expression: "data['id'] + '/' + str(data['n'])"
                  content_expression: "{'unit': data['unit_id'], 'answer': data['answer']}"
                  compression: gzip

            """)
        defer { fixture.remove() }
        #expect(try await fixture.run().status == .complete)
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture.file("exports/answers")).sorted()
        #expect(names.count == 10)
        #expect(names.allSatisfy { $0.hasSuffix(".json.gz") })
        #expect(names.contains("u3_3.json.gz"), "'/' in a file name becomes '_'")
        #expect(try fixture.gunzip("exports/answers/u3_3.json.gz") == "{\n  \"unit\": \"u3\",\n  \"answer\": 7\n}")
    }

    @Test func aFailingExpressionSkipsTheRecordAndIsLogged() async throws {
        let fixture = try CompletionFixture(runSteps: """
                - name: extract
                  scope: run
                  script: extract_units.py
                  filename_expression: "data['id'] if data['n'] != 2 else ''"
                  content_expression: "data['answer'] // (data['n'] - 3)"

            """)
        defer { fixture.remove() }
        #expect(try await fixture.run().status == .complete, "a failing run step never fails the run")
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture.file("outputs/units"))
        #expect(names.count == 8)
        #expect(!names.contains("u2.json") && !names.contains("u3.json"))
        #expect(try fixture.read("outputs/units/u4.json") == "9")
        let log = try fixture.logLines("RUN_STEP")
        #expect(log.contains("extract: extracted 8 units to outputs/units, 2 errors"))
        #expect(log.contains { $0.hasPrefix("extract: u2: ") && $0.contains("empty filename") })
        #expect(log.contains { $0.hasPrefix("extract: u3: ") && $0.contains("ZeroDivisionError") })
        #expect(log.contains("Failed step 'extract' (2 records not extracted)"))
        let extra = try fixture.manifest().metadata.extra
        #expect(extra["completion_tasks_done"] == ["step:extract"])
        #expect(extra["completion_tasks_failed"] == ["step:extract"])
        #expect(try fixture.manifest().extra["completed_run_steps"] == [])
    }

    @Test func anOutputDirHoldingTheRunIsRefused() async throws {
        let fixture = try CompletionFixture(runSteps: """
                - name: extract
                  scope: run
                  output_dir: ".."

            """)
        defer { fixture.remove() }
        #expect(try await fixture.run().status == .complete)
        #expect(fixture.exists("MANIFEST.json"))
        #expect(try fixture.logLines("RUN_STEP").contains { $0.contains("refusing to empty it") })
    }

    @Test func otherRunStepScriptsRunWithTheRunDirStepNameAndConfig() async throws {
        let fixture = try CompletionFixture(runSteps: """
                - name: publish
                  scope: run
                  script: tools/publish.sh

            """, scripts: ["tools/publish.sh": """
                #!/bin/sh
                echo "$@" > "$2/publish_args.txt"
                echo "published" >&2

                """])
        defer { fixture.remove() }
        #expect(try await fixture.run().status == .complete)
        let directory = (fixture.runDirectory as NSString).standardizingPath
        #expect(try fixture.read("publish_args.txt")
            == "--run-dir \(directory) --step-name publish --config \(directory)/config/config.yaml\n")
        let log = try fixture.logLines("RUN_STEP")
        #expect(log.contains("publish: published"))
        #expect(log.contains("Completed step 'publish'"))
    }
}
