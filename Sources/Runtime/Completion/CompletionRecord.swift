import Basics

/// Which completion tasks already ran for the run's current completion, kept in MANIFEST.json so a resume
/// of a complete run does not repeat them (the Python tool tracks nothing and re-runs them, K19).
///
/// Invariants: a completion is identified by `fingerprint`, the SHA-256 of every chunk's `state.json`
/// content; resuming a complete run changes no chunk state, while any new work (a reopened step, a retry,
/// a repair) changes at least one (status or attempt count), so a later completion starts with nothing
/// done. Stored as `metadata.completion_fingerprint`, `metadata.completion_tasks_done` (the keys of the
/// tasks that ran, failed or not) and `metadata.completion_tasks_failed` (those that failed), plus the
/// Python tool's top-level `completed_run_steps` (names of the run steps that succeeded); written through
/// `RunStore.writeManifest` (atomic) after each task.
struct CompletionRecord: Equatable {
    static let fingerprintKey = "completion_fingerprint"
    static let doneKey = "completion_tasks_done"
    static let failedKey = "completion_tasks_failed"
    static let runStepsKey = "completed_run_steps"

    var fingerprint: String
    var done: [String] = []
    var failed: [String] = []

    /// The record for the completion `fingerprint` names: what the manifest says, if it is about the same
    /// completion, else nothing done.
    init(fingerprint: String, manifest: ManifestSnapshot?) {
        self.fingerprint = fingerprint
        guard let extra = manifest?.metadata.extra else { return }
        if extra[Self.fingerprintKey]?.stringValue == fingerprint {
            done = extra[Self.doneKey]?.arrayValue?.compactMap(\.stringValue) ?? []
            failed = extra[Self.failedKey]?.arrayValue?.compactMap(\.stringValue) ?? []
        }
    }

    /// The fingerprint of the work on disk now.
    static func fingerprint(of store: RunStore) throws(RunStoreError) -> String {
        var hasher = SHA256()
        for name in try store.chunkNames() {
            hasher.update(Array(JSONWriter.python(try store.readState(name).value).utf8))
            hasher.update([0x0A])
        }
        return hasher.finalize().map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// Writes the record into the manifest (`runSteps` maps task keys of run steps to step names).
    func save(to store: RunStore, runSteps: [String: String]) throws(RunStoreError) {
        var manifest = try store.readManifest()
        manifest.metadata.extra[Self.fingerprintKey] = .string(fingerprint)
        manifest.metadata.extra[Self.doneKey] = .array(done.map(Value.string))
        manifest.metadata.extra[Self.failedKey] = .array(failed.map(Value.string))
        manifest.extra[Self.runStepsKey] = .array(done.filter { !failed.contains($0) }.compactMap { runSteps[$0] }.map(Value.string))
        try store.writeManifest(manifest)
    }
}
