import Basics
import Foundation
import Pipeline

/// What every completion task needs: the plan, the run directory as an absolute path, where relative script
/// paths are looked up, and the run log.
///
/// Invariants: `runDirectory` is absolute and standardized (scripts receive it as an argument, whatever their
/// working directory); `scriptFolders` are absolute and distinct, the pipeline folder first (reference K19:
/// never the working directory); logging never fails a task.
struct CompletionContext {
    let plan: ExecutionPlan
    let store: RunStore
    let runLog: RunLog?
    let runDirectory: String
    let scriptFolders: [String]

    init(plan: ExecutionPlan, store: RunStore, log: RunLog?, manifest: ManifestSnapshot?) {
        self.plan = plan
        self.store = store
        runLog = log
        runDirectory = Self.absolute(store.paths.root)
        var folders: [String] = []
        let candidates = [manifest?.metadata.extra["source_pipeline"]?.stringValue, plan.pipeline.source.directory,
                          store.paths.configDirectory]
        for case let folder? in candidates {
            let path = Self.absolute(folder)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
               !folders.contains(path) {
                folders.append(path)
            }
        }
        scriptFolders = folders
    }

    /// The run's config snapshot, absolute (`--config` of run-step scripts).
    var configSnapshot: String { runDirectory + "/config/config.yaml" }

    /// Writes one RUN_LOG.txt line; a log that cannot be written is ignored.
    func log(_ tag: String, _ message: String) {
        try? runLog?.log(tag, message)
    }

    /// A path inside the run directory (an absolute `relative` is returned as it is).
    func inRun(_ relative: String) -> String {
        let joined = relative.hasPrefix("/") ? relative : (runDirectory as NSString).appendingPathComponent(relative)
        return (joined as NSString).standardizingPath
    }

    /// `path` made absolute against the working directory, then standardized.
    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }
}

/// How completion messages name files.
enum PathDisplay {
    /// `path` relative to `base` when it is inside it, else `path`.
    static func relative(_ path: String, to base: String) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
