import Basics

extension ManifestSnapshot {
    /// The JSON document, keys in the Python tool's order, then ours (`ledger`, `dag`), then `extra`.
    public var value: Value {
        var root: ValueObject = ["config": .string(config), "created": .string(created), "updated": .string(updated),
                                 "status": .string(status.rawValue), "pipeline": .array(pipeline.map(Value.string))]
        var chunkObject = ValueObject()
        for chunk in chunks {
            chunkObject[chunk.name] = ["state": .string(chunk.state), "batch_id": chunk.batchID.map(Value.string) ?? .null,
                                       "items": .int(chunk.items), "valid": .int(chunk.valid), "failed": .int(chunk.failed)]
        }
        root["chunks"] = .object(chunkObject)
        root["metadata"] = .object(metadataObject)
        if let errorMessage { root["error_message"] = .string(String(errorMessage.prefix(500))) }
        if let failedAt { root["failed_at"] = .string(failedAt) }
        if let pausedAt { root["paused_at"] = .string(pausedAt) }
        if let completedAt { root["completed_at"] = .string(completedAt) }
        if let ledger { root["ledger"] = ledger }
        var dagObject = ValueObject()
        for step in pipeline + dag.keys.sorted() where dagObject[step] == nil {
            if let deps = dag[step] { dagObject[step] = .array(deps.map(Value.string)) }
        }
        root["dag"] = .object(dagObject)
        root.merge(extra)
        return .object(root)
    }

    private var metadataObject: ValueObject {
        var m: ValueObject = ["pipeline_name": .string(metadata.pipelineName)]
        m["start_time"] = metadata.startTime.map(Value.string) ?? .null
        m["max_units"] = metadata.maxUnits.map(Value.int) ?? .null
        m["provider"] = metadata.provider.map(Value.string) ?? .null
        m["model"] = metadata.model.map(Value.string) ?? .null
        m["mode"] = .string(metadata.mode)
        m["initial_input_tokens"] = .int(metadata.initialInputTokens)
        m["initial_output_tokens"] = .int(metadata.initialOutputTokens)
        m["retry_input_tokens"] = .int(metadata.retryInputTokens)
        m["retry_output_tokens"] = .int(metadata.retryOutputTokens)
        m["cost"] = metadata.cost.map(Value.double) ?? .null
        if let pid = metadata.pid { m["pid"] = .int(pid) }
        m.merge(metadata.extra)
        return m
    }

    /// The manifest as written to disk (indent 2, Python style, no trailing newline).
    public var text: String { JSONWriter(layout: .indented(2)).string(value) }

    static let modelledKeys: Set<String> = ["config", "created", "updated", "status", "pipeline", "chunks", "metadata",
                                            "error_message", "failed_at", "paused_at", "completed_at", "ledger", "dag"]
    static let modelledMetadataKeys: Set<String> = ["pipeline_name", "start_time", "max_units", "provider", "model", "mode",
                                                    "initial_input_tokens", "initial_output_tokens", "retry_input_tokens",
                                                    "retry_output_tokens", "cost", "pid"]

    public init(value: Value) throws(ManifestError) {
        guard case .object(let root) = value else { throw ManifestError(reason: "not a JSON object") }
        guard let rawStatus = root["status"]?.stringValue, let status = Status(rawValue: rawStatus) else {
            throw ManifestError(reason: "missing or unknown status")
        }
        guard let m = root["metadata"]?.objectValue, let name = m["pipeline_name"]?.stringValue else {
            throw ManifestError(reason: "missing metadata.pipeline_name")
        }
        var metadata = Metadata(pipelineName: name, provider: m["provider"]?.stringValue, model: m["model"]?.stringValue,
                                mode: m["mode"]?.stringValue ?? "realtime", maxUnits: m["max_units"]?.intValue,
                                startTime: m["start_time"]?.stringValue)
        metadata.initialInputTokens = m["initial_input_tokens"]?.intValue ?? 0
        metadata.initialOutputTokens = m["initial_output_tokens"]?.intValue ?? 0
        metadata.retryInputTokens = m["retry_input_tokens"]?.intValue ?? 0
        metadata.retryOutputTokens = m["retry_output_tokens"]?.intValue ?? 0
        metadata.cost = m["cost"]?.numberValue
        metadata.pid = m["pid"]?.intValue
        metadata.extra = ValueObject(m.filter { !Self.modelledMetadataKeys.contains($0.key) }.map { ($0.key, $0.value) })
        var chunks: [Chunk] = []
        for (chunkName, entry) in root["chunks"]?.objectValue ?? [:] {
            chunks.append(Chunk(name: chunkName, state: entry["state"]?.stringValue ?? "", items: entry["items"]?.intValue ?? 0,
                                valid: entry["valid"]?.intValue ?? 0, failed: entry["failed"]?.intValue ?? 0,
                                batchID: entry["batch_id"]?.stringValue))
        }
        var dag: [String: [String]] = [:]
        for (step, deps) in root["dag"]?.objectValue ?? [:] { dag[step] = deps.arrayValue?.compactMap(\.stringValue) ?? [] }
        self.init(created: root["created"]?.stringValue ?? "", status: status,
                  pipeline: root["pipeline"]?.arrayValue?.compactMap(\.stringValue) ?? [], chunks: chunks,
                  metadata: metadata, dag: dag, ledger: root["ledger"])
        config = root["config"]?.stringValue ?? config
        updated = root["updated"]?.stringValue ?? created
        errorMessage = root["error_message"]?.stringValue
        failedAt = root["failed_at"]?.stringValue
        pausedAt = root["paused_at"]?.stringValue
        completedAt = root["completed_at"]?.stringValue
        extra = ValueObject(root.filter { !Self.modelledKeys.contains($0.key) }.map { ($0.key, $0.value) })
    }
}

/// A MANIFEST.json that cannot be read back.
public struct ManifestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var description: String { "bad MANIFEST.json: \(reason)" }
}
