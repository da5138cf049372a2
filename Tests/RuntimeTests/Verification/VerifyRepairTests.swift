import Basics
import Foundation
import Runtime
import Testing

@Suite struct VerifyRepairTests {
    static let order = ["a", "b"]
    static let deps: [String: [String]] = ["a": [], "b": ["a"]]

    /// 6 units in two chunks; see each file below for the planted problems.
    static func makeRun(_ dir: TemporaryDirectory) throws -> RunStore {
        try dir.write("x: 1\n", to: "pipe/config.yaml")
        let creation = try RunStore.create(
            at: dir.file("run"), snapshot: RunSnapshotSource(configFile: dir.file("pipe/config.yaml")), stepOrder: order,
            dag: deps, chunkSize: 3, metadata: .init(pipelineName: "T", provider: "mock", model: "mock-1", mode: "realtime"),
            now: Date(timeIntervalSince1970: 0)) { emit in
            for i in 0..<6 { try emit(["unit_id": .string("u\(i)")]) }
        }
        let store = creation.store
        try dir.write("{\"unit_id\":\"u0\",\"x\":1}\n{\"unit_id\": \"u1\"}\n{\"unit_id\": \"u1\", \"again\": true}\n", to: "run/chunks/chunk_000/a_validated.jsonl")
        try dir.write("{\"unit_id\": \"u2\", \"failure_stage\": \"validation\", \"retry_count\": 5}\n", to: "run/chunks/chunk_000/a_failures.jsonl")
        try dir.write("{\"unit_id\": \"u3\"}\n{\"unit_id\": \"zz\"}\n", to: "run/chunks/chunk_001/a_validated.jsonl")
        try dir.write("{\"unit_id\": \"u4\", \"failure_stage\": \"schema_validation\", \"retry_count\": 0}\n", to: "run/chunks/chunk_001/a_failures.jsonl")
        try dir.write("{\"unit_id\": \"u0\"}\n", to: "run/chunks/chunk_000/b_validated.jsonl")
        try dir.write("{\"unit_id\": \"u3\"}\n", to: "run/chunks/chunk_001/b_validated.jsonl")
        for chunk in ["chunk_000", "chunk_001"] {
            var state = try store.readState(chunk)
            for step in order { state[step].status = .done }
            try store.writeState(state)
        }
        var manifest = try store.rebuildManifest(from: creation.manifest)
        manifest.status = .complete
        try store.writeManifest(manifest)
        return store
    }

    @Test func verifyCountsEveryKindOfProblem() throws {
        let dir = try TemporaryDirectory()
        _ = try Self.makeRun(dir)
        let report = try RunVerifier.verify(runDirectory: dir.file("run"), stepOrder: Self.order, dependencies: Self.deps, maxRetries: 5)
        #expect(report.initialUnits == 6)
        #expect(report.steps[0] == .init(step: "a", expected: 6, valid: 4, failed: 1, retryable: 1, missing: 1, duplicated: 1,
                                         orphaned: 1, missingIDs: ["u5"], orphanedIDs: ["zz"]))
        #expect(report.steps[1] == .init(step: "b", expected: 4, valid: 2, failed: 0, retryable: 0, missing: 2, duplicated: 0,
                                         orphaned: 0, missingIDs: ["u1", "zz"], orphanedIDs: []))
        #expect(report.totalMissing == 3 && report.totalDuplicated == 1 && report.integrity == "WARN")
        let json = JSONWriter.python(report.value)
        #expect(json.hasPrefix("{\"run_dir\": \"\(dir.file("run"))\", \"initial_units\": 6, \"steps\": [{\"step\": \"a\", \"expected\": 6, \"valid\": 4, \"failed\": 1, \"retryable\": 1, \"missing\": 1, \"duplicated\": 1, \"orphaned\": 1, \"missing_ids\": [\"u5\"], \"orphaned_ids\": [\"zz\"]}"))
        #expect(json.hasSuffix("\"total_missing\": 3, \"total_duplicated\": 1, \"integrity\": \"WARN\"}"))
    }

    @Test func aCleanRunIsOK() throws {
        let dir = try TemporaryDirectory()
        _ = try Self.makeRun(dir)
        try dir.write("{\"unit_id\": \"u0\"}\n{\"unit_id\": \"u1\"}\n", to: "run/chunks/chunk_000/a_validated.jsonl")
        try dir.write("{\"unit_id\": \"u3\"}\n{\"unit_id\": \"u5\"}\n", to: "run/chunks/chunk_001/a_validated.jsonl")
        try dir.write("{\"unit_id\": \"u1\"}\n", to: "run/chunks/chunk_000/b_failures.jsonl")
        try dir.write("{\"unit_id\": \"u3\"}\n{\"unit_id\": \"u5\"}\n", to: "run/chunks/chunk_001/b_validated.jsonl")
        let report = try RunVerifier.verify(runDirectory: dir.file("run"), stepOrder: Self.order, dependencies: Self.deps, maxRetries: 5)
        #expect(report.integrity == "OK")
        #expect(report.steps.map(\.missing) == [0, 0])
        #expect(report.steps[1].retryable == 1)   // a failure without a stage is retryable
    }

    @Test func repairRemovesDuplicatesAndReopensChunksWithMissingUnits() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.makeRun(dir)
        let summary = try RunRepairer.repair(runDirectory: dir.file("run"), stepOrder: Self.order, dependencies: Self.deps,
                                             maxRetries: 5, now: Date(timeIntervalSince1970: 60))
        #expect(summary.removedDuplicates == [store.chunk("chunk_000").validated("a"): 1])
        #expect(try dir.read("run/chunks/chunk_000/a_validated.jsonl") == "{\"unit_id\":\"u0\",\"x\":1}\n{\"unit_id\": \"u1\"}\n")
        #expect(summary.reopened["chunk_001"] == ["a", "b"])
        #expect(summary.reopened["chunk_000"] == ["b"])
        #expect(try store.readState("chunk_000")["a"].status == .done)
        #expect(try store.readState("chunk_000")["b"].status == .pending)
        #expect(try store.readState("chunk_001")["a"].status == .pending)
        let manifest = try store.readManifest()
        #expect(manifest.status == .paused && manifest.pausedAt == "1970-01-01T00:01:00Z")
        #expect(manifest.chunks.map(\.state) == ["b_PENDING", "a_PENDING"])
        let after = try RunVerifier.verify(runDirectory: dir.file("run"), stepOrder: Self.order, dependencies: Self.deps, maxRetries: 5)
        #expect(after.totalDuplicated == 0)
        #expect(after.steps.map(\.missingIDs) == [["u5"], ["u1", "zz"]])   // a resume requests exactly these
        // Nothing was copied: no new chunk, no new lines anywhere.
        #expect(try store.chunkNames() == ["chunk_000", "chunk_001"])
        let again = try RunRepairer.repair(runDirectory: dir.file("run"), stepOrder: Self.order, dependencies: Self.deps, maxRetries: 5)
        #expect(again.totalRemoved == 0 && again.reopened.isEmpty)
    }

    @Test func repairRefusesARunInUse() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.makeRun(dir)
        let lock = try store.lock()
        #expect(throws: RunLockError.self) {
            _ = try RunRepairer.repair(runDirectory: dir.file("run"), stepOrder: Self.order, dependencies: Self.deps, maxRetries: 5)
        }
        lock.release()
    }

    @Test func fanOutValidIdsBecomeTheNextExpectedSet() throws {
        let dir = try TemporaryDirectory()
        _ = try Self.makeRun(dir)
        try dir.write("{\"unit_id\": \"u0-c1\"}\n{\"unit_id\": \"u0-c2\"}\n", to: "run/chunks/chunk_000/a_validated.jsonl")
        try dir.write("", to: "run/chunks/chunk_001/a_validated.jsonl")
        try dir.write("{\"unit_id\": \"u0-c1\"}\n", to: "run/chunks/chunk_000/b_validated.jsonl")
        try dir.write("", to: "run/chunks/chunk_001/b_validated.jsonl")
        let report = try RunVerifier.verify(runDirectory: dir.file("run"), stepOrder: Self.order, dependencies: Self.deps,
                                            fanOutSteps: ["a"], maxRetries: 5)
        #expect(report.steps[0].valid == 2 && report.steps[0].missing == 0 && report.steps[0].orphaned == 0)
        #expect(report.steps[1].expected == 2 && report.steps[1].missingIDs == ["u0-c2"])
    }

    @Test func fanOutParentsAreCheckedThroughTheChildren() throws {
        let dir = try TemporaryDirectory()
        _ = try Self.makeRun(dir)
        try dir.write("""
            {"unit_id": "u0__fan000", "_fan_parent_id": "u0"}
            {"unit_id": "u0__fan001", "_fan_parent_id": "u0"}
            {"unit_id": "u1__fan000", "_fan_parent_id": "u1"}
            {"unit_id": "q__fan000", "_fan_parent_id": "q"}

            """, to: "run/chunks/chunk_000/a_validated.jsonl")
        try dir.write("", to: "run/chunks/chunk_001/a_validated.jsonl")
        let report = try RunVerifier.verify(runDirectory: dir.file("run"), stepOrder: Self.order, dependencies: Self.deps,
                                            fanOutSteps: ["a"], maxRetries: 5)
        // u2 failed (final), u4 retryable; u3 and u5 produced nothing; q is not a unit of the run.
        #expect(report.steps[0].missingIDs == ["u3", "u5"])
        #expect(report.steps[0].orphanedIDs == ["q"])
        #expect(report.steps[0].valid == 4 && report.steps[0].expected == 6)
    }
}
