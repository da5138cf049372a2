import Basics
import Foundation
import Providers
import Runtime
import Testing

@Suite struct RunStoreTests {
    static func pipelineFolder(_ dir: TemporaryDirectory) throws -> RunSnapshotSource {
        try dir.write("pipeline:\n  name: Demo\n", to: "pipe/config.yaml")
        try dir.write("{\"items\": [1, 2]}", to: "pipe/items.yaml")
        try dir.write("Hello {{ x }}", to: "pipe/templates/analyze.jinja2")
        try dir.write("{}", to: "pipe/schemas/analyze.json")
        return RunSnapshotSource(configFile: dir.file("pipe/config.yaml"), itemsFile: dir.file("pipe/items.yaml"),
                                 folders: [(dir.file("pipe/templates"), "templates"), (dir.file("pipe/schemas"), "schemas"),
                                           (dir.file("pipe/absent"), "absent")])
    }

    static let metadata = ManifestSnapshot.Metadata(pipelineName: "Demo", provider: "mock", model: "mock-1", mode: "realtime",
                                                    maxUnits: 5)
    static let now = Date(timeIntervalSince1970: 1_763_700_000)   // 2025-11-21T04:40:00Z

    static func create(_ dir: TemporaryDirectory, units count: Int = 5, chunkSize: Int = 2) throws -> RunStore.Creation {
        try RunStore.create(at: dir.file("run"), snapshot: pipelineFolder(dir), stepOrder: ["generate", "analyze"],
                            dag: ["generate": [], "analyze": ["generate"]], chunkSize: chunkSize, metadata: metadata,
                            now: now) { emit in
            for i in 0..<count { try emit(["unit_id": .string("u\(i)"), "n": .int(i)]) }
        }
    }

    @Test func createLaysOutTheRunDirectory() throws {
        let dir = try TemporaryDirectory()
        let creation = try Self.create(dir)
        #expect(creation.unitCount == 5)
        #expect(creation.chunks.map(\.name) == ["chunk_000", "chunk_001", "chunk_002"])
        #expect(creation.chunks.map(\.items) == [2, 2, 1])
        #expect(try dir.read("run/config/config.yaml") == "pipeline:\n  name: Demo\n")
        #expect(try dir.read("run/config/items.yaml") == "{\"items\": [1, 2]}")
        #expect(try dir.read("run/config/templates/analyze.jinja2") == "Hello {{ x }}")
        #expect(try dir.read("run/config/schemas/analyze.json") == "{}")
        #expect(!FileManager.default.fileExists(atPath: dir.file("run/config/absent")))
        #expect(try dir.read("run/input/units.jsonl").split(separator: "\n").count == 5)
        #expect(try dir.read("run/chunks/chunk_001/units.jsonl") == "{\"unit_id\": \"u2\", \"n\": 2}\n{\"unit_id\": \"u3\", \"n\": 3}\n")
        let store = try RunStore.open(at: dir.file("run"))
        #expect(try store.chunkNames() == ["chunk_000", "chunk_001", "chunk_002"])
        let state = try store.readState("chunk_002")
        #expect(state.items == 1 && state.stepNames == ["generate", "analyze"] && state["analyze"].status == .pending)
        var seen: [String] = []
        try store.forEachUnit(chunk: "chunk_000") { seen.append($0["unit_id"]?.stringValue ?? "") }
        #expect(seen == ["u0", "u1"])
    }

    @Test func manifestIsPythonStyleIndentedJSON() throws {
        let dir = try TemporaryDirectory()
        _ = try Self.create(dir)
        let text = try dir.read("run/MANIFEST.json")
        #expect(text.hasPrefix("{\n  \"config\": \"config/config.yaml\",\n  \"created\": \"2025-11-21T04:40:00Z\",\n"))
        #expect(text.contains("\"chunk_000\": {\n      \"state\": \"generate_PENDING\",\n      \"batch_id\": null,\n      \"items\": 2,"))
        #expect(text.contains("\"dag\": {\n    \"generate\": [],\n    \"analyze\": [\n      \"generate\"\n    ]\n  }"))
        let manifest = try RunStore.open(at: dir.file("run")).readManifest()
        #expect(manifest.status == .pending)
        #expect(manifest.pipeline == ["generate", "analyze"])
        #expect(manifest.metadata.maxUnits == 5 && manifest.metadata.startTime == "2025-11-21T04:40:00Z")
        #expect(manifest.text == text)
    }

    @Test func refusesANonEmptyDirectoryAndCleansUpAFailedCreation() throws {
        let dir = try TemporaryDirectory()
        _ = try Self.create(dir)
        #expect(throws: RunStoreError.directoryNotEmpty(path: dir.file("run"))) { _ = try Self.create(dir) }
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            _ = try RunStore.create(at: dir.file("other"), snapshot: Self.pipelineFolder(dir), stepOrder: ["a"], chunkSize: 1,
                                    metadata: Self.metadata) { emit in
                try emit(["unit_id": "u0"])
                throw Boom()
            }
        }
        #expect(!FileManager.default.fileExists(atPath: dir.file("other")))
        #expect(throws: RunStoreError.notARunDirectory(path: dir.file("nothing"))) { _ = try RunStore.open(at: dir.file("nothing")) }
    }

    @Test func chunkStateRoundTripsAtomicallyWithABatchHandle() throws {
        let dir = try TemporaryDirectory()
        let store = try Self.create(dir).store
        var state = try store.readState("chunk_000")
        state["generate"] = .init(status: .done, valid: 2, failed: 0, attempts: 1)
        state["analyze"] = .init(status: .inProgress, batch: BatchHandle(provider: "mock", id: "mock_batch_000001", requestCount: 2),
                                 attempts: 1)
        try store.writeState(state)
        #expect(try store.readState("chunk_000") == state)
        #expect(!FileManager.default.fileExists(atPath: store.chunk("chunk_000").state + ".tmp"))
        let entry = ManifestSnapshot.chunk(from: state, stepOrder: ["generate", "analyze"])
        #expect(entry == .init(name: "chunk_000", state: "analyze_SUBMITTED", items: 2, valid: 0, failed: 0, batchID: "mock_batch_000001"))
    }

    @Test func manifestChunkStatesFollowTheDurableState() {
        var state = ChunkState(chunk: "chunk_000", items: 3, steps: ["a", "b"])
        #expect(ManifestSnapshot.chunk(from: state, stepOrder: ["a", "b"]).state == "a_PENDING")
        state["a"] = .init(status: .done, valid: 3, failed: 0)
        state["b"] = .init(status: .done, valid: 2, failed: 1)
        #expect(ManifestSnapshot.chunk(from: state, stepOrder: ["a", "b"]) == .init(name: "chunk_000", state: "VALIDATED", items: 3, valid: 2, failed: 1))
        state["b"] = .init(status: .done, valid: 0, failed: 3)
        #expect(ManifestSnapshot.chunk(from: state, stepOrder: ["a", "b"]).state == "FAILED")
    }

    @Test func rebuildManifestAndAddChunk() throws {
        let dir = try TemporaryDirectory()
        let creation = try Self.create(dir)
        let store = creation.store
        var state = try store.readState("chunk_001")
        state["generate"].status = .done
        state["generate"].valid = 2
        try store.writeState(state)
        let name = try store.addChunk(units: [["unit_id": "child-1"]], steps: ["generate", "analyze"])
        #expect(name == "chunk_003")
        let later = Date(timeIntervalSince1970: 1_763_700_060)
        var manifest = try store.rebuildManifest(from: creation.manifest, now: later)
        manifest.status = .running
        try store.writeManifest(manifest)
        let read = try store.readManifest()
        #expect(read.updated == "2025-11-21T04:41:00Z" && read.created == "2025-11-21T04:40:00Z")
        #expect(read.chunks.map(\.state) == ["generate_PENDING", "analyze_PENDING", "generate_PENDING", "generate_PENDING"])
        #expect(read.chunks.map(\.items) == [2, 2, 1, 1])
        #expect(read.status == .running)
    }

    @Test func manifestKeepsUnknownKeys() throws {
        var manifest = ManifestSnapshot(created: "2025-01-01T00:00:00Z", status: .paused, pipeline: ["a"], chunks: [],
                                        metadata: Self.metadata)
        manifest.extra = ["completed_run_steps": ["report"]]
        manifest.metadata.extra = ["cost_estimate": 0.0097]
        manifest.metadata.cost = nil
        manifest.pausedAt = "2025-01-01T00:01:00Z"
        let back = try ManifestSnapshot(value: JSONReader.parse(manifest.text))
        #expect(back == manifest)
    }
}
