import Pipeline

extension StepGraph {
    /// Every step that reads, directly or through other steps, from `step` (not `step` itself).
    public func downstream(of step: String) -> Set<String> {
        var found = Set<String>()
        var queue = [step]
        while let current = queue.popLast() {
            for next in dependents(of: current) where found.insert(next).inserted { queue.append(next) }
        }
        return found
    }
}

extension ChunkState {
    /// Sets the steps of `steps` that are done back to pending, so the next run processes the records
    /// that became available upstream (units already settled there are skipped, never requested again).
    /// Returns the steps it reopened. Steps in progress (e.g. with a batch in flight) are left alone.
    @discardableResult
    mutating func reopen(_ steps: Set<String>) -> [String] {
        var reopened: [String] = []
        for name in stepNames where steps.contains(name) && self[name].status == .done {
            self[name].status = .pending
            reopened.append(name)
        }
        return reopened
    }
}

extension RunStore {
    /// The manifest rebuilt from the chunk states, with a `complete` (or `failed`) status turned `paused`
    /// when some chunk has work again, so `status` and `ps` show the run as resumable.
    func refreshManifest(_ base: ManifestSnapshot) throws(RunStoreError) -> ManifestSnapshot {
        var manifest = try rebuildManifest(from: base)
        var open = false
        for name in try chunkNames() where !(try readState(name)).isDone { open = true }
        if open, manifest.status == .complete || manifest.status == .failed {
            manifest.status = .paused
            manifest.pausedAt = manifest.updated
            manifest.completedAt = nil
        }
        return manifest
    }
}
