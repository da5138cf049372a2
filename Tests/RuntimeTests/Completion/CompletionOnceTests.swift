import Basics
import Foundation
import Runtime
import Testing

@Suite struct CompletionOnceTests {
    static let counter = "#!/bin/sh\necho tick >> \"$1/ticks.txt\"\n"

    @Test func tasksRunOncePerCompletionAndAgainAfterNewWork() async throws {
        let fixture = try CompletionFixture(runSteps: """
                - name: extract
                  scope: run
                  script: extract_units.py

            """, postProcess: """
              - name: Tick
                script: tick.sh

            """, scripts: ["tick.sh": Self.counter])
        defer { fixture.remove() }
        #expect(try await fixture.run().status == .complete)
        #expect(try fixture.read("ticks.txt") == "tick\n")
        let first = try fixture.manifest()
        #expect(first.metadata.extra["completion_tasks_done"] == ["step:extract", "post_process[0]:Tick"])
        #expect(first.metadata.extra["completion_fingerprint"]?.stringValue?.count == 64)

        // Resuming the complete run: nothing runs again.
        try FileManager.default.removeItem(atPath: fixture.file("outputs/units/u1.json"))
        #expect(try await fixture.run().status == .complete)
        #expect(try fixture.read("ticks.txt") == "tick\n")
        #expect(!fixture.exists("outputs/units/u1.json"))
        #expect(try fixture.manifest().metadata.extra["completion_fingerprint"] == first.metadata.extra["completion_fingerprint"])

        // New work (a reopened step) makes a new completion: everything runs again.
        try fixture.reopen("ask", in: "chunk_001")
        #expect(try await fixture.run().status == .complete)
        #expect(try fixture.read("ticks.txt") == "tick\ntick\n")
        #expect(fixture.exists("outputs/units/u1.json"), "the extraction ran again (and is idempotent)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.file("outputs/units")).count == 10)
        let third = try fixture.manifest()
        #expect(third.metadata.extra["completion_fingerprint"] != first.metadata.extra["completion_fingerprint"])
        #expect(third.metadata.extra["completion_tasks_done"] == ["step:extract", "post_process[0]:Tick"])
    }

    @Test func aFailedTaskIsRecordedAndNotRepeatedByAResume() async throws {
        let fixture = try CompletionFixture(postProcess: """
              - name: Late
                script: late.sh
              - name: Tick
                script: tick.sh

            """, scripts: ["tick.sh": Self.counter])
        defer { fixture.remove() }
        #expect(try await fixture.run().status == .complete)
        let extra = try fixture.manifest().metadata.extra
        #expect(extra["completion_tasks_done"] == ["post_process[0]:Late", "post_process[1]:Tick"])
        #expect(extra["completion_tasks_failed"] == ["post_process[0]:Late"])
        let late = fixture.base.root.appendingPathComponent("pipe/late.sh")
        try "#!/bin/sh\necho late > \"$1/late.txt\"\n".write(to: late, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: late.path)
        #expect(try await fixture.run().status == .complete)
        #expect(!fixture.exists("late.txt"), "a resume of the complete run repeats nothing")
        try fixture.reopen("prepare", in: "chunk_002")
        #expect(try await fixture.run().status == .complete)
        #expect(try fixture.read("late.txt") == "late\n", "the next completion runs it again")
        #expect(try fixture.read("ticks.txt") == "tick\ntick\n")
        #expect(try fixture.manifest().metadata.extra["completion_tasks_failed"] == [])
    }
}
