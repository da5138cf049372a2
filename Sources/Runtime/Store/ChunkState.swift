import Basics
import Providers

/// The durable progress of one chunk: per step, whether it is pending, in progress or done, its counts,
/// the batch in flight and how many attempts it took. Stored as `chunks/chunk_NNN/state.json`.
///
/// Invariants: `stepNames` lists each step once, in pipeline order (steps never seen read as pending);
/// `valid`/`failed` are counts of distinct units (they never exceed `items` for a non-fan-out step);
/// written only through `RunStore.writeState` (atomic replace), so a reader never sees a torn file;
/// `init(value:)` accepts exactly what `value` produces.
public struct ChunkState: Sendable, Equatable {
    /// A step's progress in a chunk; `done` means every unit is valid or failed for good.
    public enum Status: String, Sendable, Equatable {
        case pending
        case inProgress = "in_progress"
        case done
    }

    /// One step's progress in this chunk.
    public struct StepProgress: Sendable, Equatable {
        public var status: Status
        public var valid: Int
        public var failed: Int
        /// The batch submitted for this step and not yet collected.
        public var batch: BatchHandle?
        /// How many times the step was started for this chunk (batch submissions or realtime passes).
        public var attempts: Int

        public init(status: Status = .pending, valid: Int = 0, failed: Int = 0, batch: BatchHandle? = nil, attempts: Int = 0) {
            self.status = status
            self.valid = valid
            self.failed = failed
            self.batch = batch
            self.attempts = attempts
        }
    }

    public var chunk: String
    public var items: Int
    public private(set) var stepNames: [String]
    private var progress: [String: StepProgress]

    public init(chunk: String, items: Int, steps: [String]) {
        self.chunk = chunk
        self.items = items
        var names: [String] = []
        for step in steps where !names.contains(step) { names.append(step) }
        stepNames = names
        progress = Dictionary(uniqueKeysWithValues: names.map { ($0, StepProgress()) })
    }

    public subscript(step: String) -> StepProgress {
        get { progress[step] ?? StepProgress() }
        set {
            if progress[step] == nil { stepNames.append(step) }
            progress[step] = newValue
        }
    }

    /// True when every step is done.
    public var isDone: Bool { stepNames.allSatisfy { self[$0].status == .done } }

    public var value: Value {
        var steps = ValueObject()
        for name in stepNames {
            let p = self[name]
            steps[name] = ["status": .string(p.status.rawValue), "valid": .int(p.valid), "failed": .int(p.failed),
                           "attempts": .int(p.attempts), "batch": p.batch?.value ?? .null]
        }
        return ["chunk": .string(chunk), "items": .int(items), "steps": .object(steps)]
    }

    public init(value: Value) throws(ChunkStateError) {
        guard let chunk = value["chunk"]?.stringValue, let items = value["items"]?.intValue,
              let steps = value["steps"]?.objectValue else { throw ChunkStateError(reason: "needs chunk, items and steps") }
        self.init(chunk: chunk, items: items, steps: [])
        for (name, entry) in steps {
            guard let raw = entry["status"]?.stringValue, let status = Status(rawValue: raw) else {
                throw ChunkStateError(reason: "step '\(name)' has no valid status")
            }
            var batch: BatchHandle?
            if let stored = entry["batch"], stored != .null {
                do { batch = try BatchHandle(value: stored) } catch { throw ChunkStateError(reason: error.description) }
            }
            self[name] = StepProgress(status: status, valid: entry["valid"]?.intValue ?? 0, failed: entry["failed"]?.intValue ?? 0,
                                      batch: batch, attempts: entry["attempts"]?.intValue ?? 0)
        }
    }
}

/// A `state.json` that cannot be read back.
public struct ChunkStateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var description: String { "bad chunk state: \(reason)" }
}
