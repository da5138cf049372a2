/// Where every file of a run directory lives (the Python tool's names, DESIGN §5, reference §5.1).
///
/// Invariants: `root` is the run directory as given (absolute or relative to the working directory);
/// every other path is `root` joined with a fixed relative name; nothing here touches the file system.
public struct RunPaths: Sendable, Equatable {
    public let root: String

    public init(root: String) {
        var trimmed = root
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.root = trimmed
    }

    public func file(_ relative: String) -> String { root + "/" + relative }

    public var manifest: String { file("MANIFEST.json") }
    public var runLog: String { file("RUN_LOG.txt") }
    public var traceLog: String { file("TRACE_LOG.txt") }
    public var lock: String { file(".lock") }
    public var pidFile: String { file("orchestrator.pid") }
    public var configDirectory: String { file("config") }
    public var configSnapshot: String { file("config/config.yaml") }
    public var inputDirectory: String { file("input") }
    public var inputUnits: String { file("input/units.jsonl") }
    public var chunksDirectory: String { file("chunks") }

    public func chunk(_ name: String) -> ChunkPaths { ChunkPaths(directory: chunksDirectory + "/" + name) }

    /// `chunk_NNN` (three digits at least, as the Python tool names them).
    public static func chunkName(_ index: Int) -> String {
        let digits = String(index)
        return "chunk_" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}

/// The files of one chunk directory.
///
/// Invariant: per-step file names are `<step>_results.jsonl`, `<step>_validated.jsonl`,
/// `<step>_failures.jsonl`; `units.jsonl` holds the chunk's units and `state.json` its per-step progress.
public struct ChunkPaths: Sendable, Equatable {
    public let directory: String

    public var name: String { String(directory.split(separator: "/").last ?? "") }
    public var units: String { directory + "/units.jsonl" }
    public var state: String { directory + "/state.json" }
    public func results(_ step: String) -> String { directory + "/\(step)_results.jsonl" }
    public func validated(_ step: String) -> String { directory + "/\(step)_validated.jsonl" }
    public func failures(_ step: String) -> String { directory + "/\(step)_failures.jsonl" }
}
