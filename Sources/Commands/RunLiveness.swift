import Runtime

/// Whether a run is being driven right now: its lock is held by a live process.
enum RunLiveness {
    /// The PID driving the run, or nil when nobody holds its lock.
    static func driver(of store: RunStore) -> Int32? {
        do {
            let lock = try store.lock()
            lock.release()
            return nil
        } catch {
            return RunLock.holderPID(path: store.paths.lock) ?? -1
        }
    }

    /// The status to show: the manifest's, except that `running` without a live driver reads `stopped`
    /// (the process died; `run RUN_DIR` resumes it).
    static func status(_ manifest: ManifestSnapshot, store: RunStore) -> String {
        let live = driver(of: store) != nil
        if live { return "running" }
        return manifest.status == .running ? "stopped" : manifest.status.rawValue
    }
}
