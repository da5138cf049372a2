import Basics
import Foundation

/// Fixes what `RunVerifier` finds, without ever creating duplicates (unlike the Python tool's
/// `repair_run`, which copied records into a new chunk; reference K10).
///
/// Invariants:
/// - Runs under the run's `RunLock` (it fails if another process holds it).
/// - Duplicate validated lines (same `unit_id` at the same step, in any chunk) are removed keeping the
///   first, in chunk-name then line order; kept lines are preserved byte for byte; a file is rewritten
///   (temporary file, fsync, rename) only when it has duplicates or a torn last line.
/// - Missing units are not copied anywhere: the chunk holding each missing unit's input gets that step,
///   and every done step depending on it, set back to `pending` in its `state.json`, so a resume requests
///   exactly the units that have no outcome (completed ones are skipped via `StepOutcomes`).
/// - A `complete` or `failed` manifest becomes `paused` (resumable), with its chunks rebuilt.
public enum RunRepairer {
    /// What a repair changed, and the verification it acted on.
    public struct Summary: Sendable, Equatable {
        /// File path → duplicate lines removed.
        public var removedDuplicates: [String: Int] = [:]
        /// Chunk → steps set back to pending.
        public var reopened: [String: [String]] = [:]
        public var verificationBefore: VerificationReport

        public var totalRemoved: Int { removedDuplicates.values.reduce(0, +) }
    }

    public static func repair(runDirectory: String, stepOrder: [String], dependencies: [String: [String]],
                              fanOutSteps: Set<String> = [], maxRetries: Int, now: Date = Date()) throws -> Summary {
        let store = try RunStore.open(at: runDirectory)
        let lock = try store.lock()
        defer { lock.release() }
        let report = try RunVerifier.verify(runDirectory: runDirectory, stepOrder: stepOrder, dependencies: dependencies,
                                            fanOutSteps: fanOutSteps, maxRetries: maxRetries)
        var summary = Summary(verificationBefore: report)
        let chunks = try store.chunkNames()
        for step in stepOrder {
            var seen = Set<String>()
            for chunk in chunks {
                let path = store.chunk(chunk).validated(step)
                let removed = try deduplicate(path: path, seen: &seen)
                if removed > 0 { summary.removedDuplicates[path] = removed }
            }
        }
        for stepReport in report.steps where !stepReport.missingIDs.isEmpty {
            let step = stepReport.step
            let holders = try chunksHolding(Set(stepReport.missingIDs), inputOf: step, dependencies: dependencies,
                                            store: store, chunks: chunks)
            let reopen = [step] + stepOrder.filter { dependsTransitively($0, on: step, dependencies: dependencies) }
            for chunk in holders {
                var state = try store.readState(chunk)
                var changed: [String] = []
                for name in reopen where state[name].status != .pending {
                    state[name].status = .pending
                    state[name].batch = nil
                    changed.append(name)
                }
                if !changed.isEmpty {
                    try store.writeState(state)
                    summary.reopened[chunk, default: []].append(contentsOf: changed.filter {
                        !(summary.reopened[chunk] ?? []).contains($0)
                    })
                }
            }
        }
        if !summary.reopened.isEmpty || summary.totalRemoved > 0 {
            var manifest = try store.rebuildManifest(from: store.readManifest(), now: now)
            if !summary.reopened.isEmpty, manifest.status == .complete || manifest.status == .failed {
                manifest.status = .paused
                manifest.pausedAt = RunTimestamp.seconds(now)
            }
            try store.writeManifest(manifest)
        }
        return summary
    }

    /// Rewrites `path` without lines whose unit id is already in `seen`; returns how many were removed.
    /// Two streaming passes (find, then rewrite only if needed): memory does not grow with the file.
    static func deduplicate(path: String, seen: inout Set<String>) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        var probe = seen
        var removed = 0
        var torn = false
        try forEachLine(path) { _, id, parsed in
            if !parsed { torn = true } else if let id, !probe.insert(id).inserted { removed += 1 }
        }
        guard removed > 0 || torn else {
            seen = probe
            return 0
        }
        let temporary = path + ".repair.tmp"
        try? FileManager.default.removeItem(atPath: temporary)
        let appender = try JSONLAppender(path: temporary)
        try forEachLine(path) { line, id, parsed in
            guard parsed else { return }   // only a torn last line fails to parse in files our appender wrote
            if let id, !seen.insert(id).inserted { return }
            try appender.append(line: line)
        }
        try appender.sync()
        try appender.close()
        guard rename(temporary, path) == 0 else {
            throw RunStoreError.io(path: path, operation: "replace", reason: String(cString: strerror(errno)))
        }
        AtomicFile.syncDirectory(of: path)
        return removed
    }

    /// Each non-blank line with its unit id and whether it parsed as JSON.
    private static func forEachLine(_ path: String, _ body: (String, String?, Bool) throws -> Void) throws {
        let reader = try LineReader(path: path)
        try reader.forEachLine { bytes in
            let line = String(decoding: bytes, as: UTF8.self)
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { return }
            guard let record = try? JSONReader.parse(bytes: bytes) else { return try body(line, nil, false) }
            try body(line, StepOutcomes.unitID(of: record), true)
        }
    }

    /// The chunks whose input for `step` contains any of `ids`: `units.jsonl` for a step without
    /// dependencies, else the first dependency's validated file.
    static func chunksHolding(_ ids: Set<String>, inputOf step: String, dependencies: [String: [String]],
                              store: RunStore, chunks: [String]) throws -> [String] {
        var holders: [String] = []
        for chunk in chunks {
            let paths = store.chunk(chunk)
            let input = dependencies[step, default: []].first.map(paths.validated) ?? paths.units
            var found = false
            try JSONLScanner.scan(path: input) { record in
                if !found, let id = StepOutcomes.unitID(of: record), ids.contains(id) { found = true }
            }
            if found { holders.append(chunk) }
        }
        return holders
    }

    static func dependsTransitively(_ step: String, on target: String, dependencies: [String: [String]]) -> Bool {
        var stack = dependencies[step, default: []]
        var visited = Set<String>()
        while let next = stack.popLast() {
            if next == target { return true }
            if visited.insert(next).inserted { stack.append(contentsOf: dependencies[next, default: []]) }
        }
        return false
    }
}
