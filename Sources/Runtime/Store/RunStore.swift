import Basics
import Foundation

/// A run directory: creating it, opening it, and reading and writing its durable state.
///
/// Invariants:
/// - `create` refuses an existing non-empty directory and removes what it made if it fails halfway.
/// - The durable truth is the JSONL files plus `chunks/*/state.json` (atomic replace); MANIFEST.json is
///   a snapshot rebuilt from them (`rebuildManifest`), written atomically, never per unit.
/// - Chunk names are `chunk_NNN`, numbered from 0 in creation order; `chunkNames()` is sorted.
/// - A `RunStore` value holds only paths; writers must hold the run's `RunLock`.
public struct RunStore: Sendable {
    public let paths: RunPaths

    public init(paths: RunPaths) { self.paths = paths }

    /// What `create` made.
    public struct Creation: Sendable, Equatable {
        public var store: RunStore
        public var unitCount: Int
        /// Chunk names with their unit counts, in order.
        public var chunks: [(name: String, items: Int)]
        public var manifest: ManifestSnapshot

        public static func == (a: Creation, b: Creation) -> Bool {
            a.store.paths == b.store.paths && a.unitCount == b.unitCount && a.manifest == b.manifest
                && a.chunks.elementsEqual(b.chunks) { $0.name == $1.name && $0.items == $1.items }
        }
    }

    /// Makes a new run directory: the config snapshot, `input/units.jsonl`, the chunks (`chunkSize` units
    /// each) with their `units.jsonl` and an all-pending `state.json`, and a `pending` MANIFEST.json.
    ///
    /// - Parameters:
    ///   - units: calls its argument once per unit, in order (e.g. `UnitGenerator.forEachUnit`); its
    ///     errors are rethrown after the partial directory is removed.
    ///   - metadata: the manifest metadata (pipeline name, provider, model, mode, max units).
    public static func create(at directory: String, snapshot: RunSnapshotSource, stepOrder: [String],
                              dag: [String: [String]] = [:], chunkSize: Int, metadata: ManifestSnapshot.Metadata,
                              now: Date = Date(),
                              units: ((ValueObject) throws -> Void) throws -> Void) throws -> Creation {
        let paths = RunPaths(root: directory)
        let files = FileManager.default
        if let contents = try? files.contentsOfDirectory(atPath: paths.root), !contents.isEmpty {
            throw RunStoreError.directoryNotEmpty(path: paths.root)
        }
        do {
            return try populate(paths, snapshot: snapshot, stepOrder: stepOrder, dag: dag, chunkSize: max(1, chunkSize),
                                metadata: metadata, now: now, units: units)
        } catch {
            try? files.removeItem(atPath: paths.root)
            throw error
        }
    }

    private static func populate(_ paths: RunPaths, snapshot: RunSnapshotSource, stepOrder: [String],
                                 dag: [String: [String]], chunkSize: Int, metadata: ManifestSnapshot.Metadata, now: Date,
                                 units: ((ValueObject) throws -> Void) throws -> Void) throws -> Creation {
        let store = RunStore(paths: paths)
        for folder in [paths.root, paths.configDirectory, paths.inputDirectory, paths.chunksDirectory] {
            try store.makeDirectory(folder)
        }
        try store.copySnapshot(snapshot)
        let input = try JSONLAppender(path: paths.inputUnits)
        var chunks: [(name: String, items: Int)] = []
        var current: JSONLAppender?
        var total = 0
        try units { unit in
            if total % chunkSize == 0 {
                try current?.close()
                let name = RunPaths.chunkName(chunks.count)
                try store.makeDirectory(paths.chunk(name).directory)
                current = try JSONLAppender(path: paths.chunk(name).units)
                chunks.append((name, 0))
            }
            try input.append(.object(unit))
            try current?.append(.object(unit))
            chunks[chunks.count - 1].items += 1
            total += 1
        }
        try current?.sync()
        try current?.close()
        try input.sync()
        try input.close()
        for chunk in chunks {
            try store.writeState(ChunkState(chunk: chunk.name, items: chunk.items, steps: stepOrder))
        }
        var meta = metadata
        if meta.startTime == nil { meta.startTime = RunTimestamp.seconds(now) }
        let manifest = ManifestSnapshot(
            created: RunTimestamp.seconds(now), status: .pending, pipeline: stepOrder,
            chunks: chunks.map { ManifestSnapshot.Chunk(name: $0.name, state: (stepOrder.first ?? "") + "_PENDING", items: $0.items) },
            metadata: meta, dag: dag)
        try store.writeManifest(manifest)
        return Creation(store: store, unitCount: total, chunks: chunks, manifest: manifest)
    }

    /// Opens an existing run directory (it must hold MANIFEST.json).
    public static func open(at directory: String) throws(RunStoreError) -> RunStore {
        let paths = RunPaths(root: directory)
        guard FileManager.default.fileExists(atPath: paths.manifest) else { throw .notARunDirectory(path: paths.root) }
        return RunStore(paths: paths)
    }

    /// Takes the run's exclusive lock (see `RunLock`).
    public func lock() throws(RunLockError) -> RunLock { try RunLock.acquire(runDirectory: paths.root) }

    /// The chunk folders, sorted by name.
    public func chunkNames() throws(RunStoreError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: paths.chunksDirectory)
                .filter { !$0.hasPrefix(".") && isDirectory(paths.chunksDirectory + "/" + $0) }.sorted()
        } catch {
            throw .io(path: paths.chunksDirectory, operation: "list", reason: error.localizedDescription)
        }
    }

    public func chunk(_ name: String) -> ChunkPaths { paths.chunk(name) }

    public func readState(_ chunk: String) throws(RunStoreError) -> ChunkState {
        let path = paths.chunk(chunk).state
        let value = try readJSON(path)
        do { return try ChunkState(value: value) } catch { throw .malformed(path: path, reason: error.description) }
    }

    /// Atomically replaces the chunk's `state.json`.
    public func writeState(_ state: ChunkState) throws(RunStoreError) {
        try AtomicFile.write(JSONWriter(layout: .indented(2)).string(state.value), to: paths.chunk(state.chunk).state)
    }

    public func readManifest() throws(RunStoreError) -> ManifestSnapshot {
        let value = try readJSON(paths.manifest)
        do { return try ManifestSnapshot(value: value) } catch { throw .malformed(path: paths.manifest, reason: error.description) }
    }

    /// Atomically replaces MANIFEST.json with `manifest` as given (set `updated` first).
    public func writeManifest(_ manifest: ManifestSnapshot) throws(RunStoreError) {
        try AtomicFile.write(manifest.text, to: paths.manifest)
    }

    /// `base` with its chunks rebuilt from every chunk's state and `updated` set to `now`.
    public func rebuildManifest(from base: ManifestSnapshot, now: Date = Date()) throws(RunStoreError) -> ManifestSnapshot {
        var manifest = base
        manifest.chunks = []
        for name in try chunkNames() {
            manifest.chunks.append(ManifestSnapshot.chunk(from: try readState(name), stepOrder: base.pipeline))
        }
        manifest.updated = RunTimestamp.seconds(now)
        return manifest
    }

    /// The valid and failed units of a step in a chunk, as on disk now.
    public func outcomes(chunk: String, step: String) throws(RunStoreError) -> StepOutcomes {
        let files = paths.chunk(chunk)
        return try StepOutcomes.load(validated: files.validated(step), failures: files.failures(step))
    }

    /// Streams a chunk's units.
    public func forEachUnit(chunk: String, _ body: (ValueObject) throws -> Void) throws {
        try JSONLScanner.forEachRecord(path: paths.chunk(chunk).units) { record in
            if case .object(let unit) = record { try body(unit) }
        }
    }

    /// Adds the next `chunk_NNN` (e.g. for fan-out children) with these units and an all-pending state.
    public func addChunk(units: [ValueObject], steps: [String]) throws(RunStoreError) -> String {
        let existing = try chunkNames().compactMap { Int($0.dropFirst("chunk_".count)) }
        let name = RunPaths.chunkName((existing.max() ?? -1) + 1)
        try makeDirectory(paths.chunk(name).directory)
        let appender = try JSONLAppender(path: paths.chunk(name).units)
        for unit in units { try appender.append(.object(unit)) }
        try appender.sync()
        try appender.close()
        try writeState(ChunkState(chunk: name, items: units.count, steps: steps))
        return name
    }
}
