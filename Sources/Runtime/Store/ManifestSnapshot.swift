import Basics

/// MANIFEST.json: a snapshot of a run for people and tools (reference §5.2), rebuilt from the chunk
/// states and the ledger, never the durable truth and never rewritten per unit.
///
/// Invariants: timestamps are `%Y-%m-%dT%H:%M:%SZ`; `pipeline` lists the chunk steps (run-scoped steps
/// excluded) in order; `chunks` are in name order; the file is written as `json.dumps(indent=2)` would
/// write it (`JSONWriter(layout: .indented(2))`) through an atomic replace; keys this type does not model
/// survive a read/write round trip in `extra` / `metadata.extra`.
public struct ManifestSnapshot: Sendable, Equatable {
    /// The run status (reference §1.5; the TUI-only `killed` is not written).
    public enum Status: String, Sendable, Equatable, CaseIterable {
        case pending, running, paused, complete, failed
    }

    /// One chunk as the Python tool's tools expect it.
    public struct Chunk: Sendable, Equatable {
        public var name: String
        /// `<step>_PENDING`, `<step>_SUBMITTED`, `VALIDATED` or `FAILED`.
        public var state: String
        public var items: Int
        /// The latest processed step's counts.
        public var valid: Int
        public var failed: Int
        public var batchID: String?

        public init(name: String, state: String, items: Int, valid: Int = 0, failed: Int = 0, batchID: String? = nil) {
            self.name = name
            self.state = state
            self.items = items
            self.valid = valid
            self.failed = failed
            self.batchID = batchID
        }
    }

    /// `metadata` (reference §5.2); keys not modelled here live in `extra`.
    public struct Metadata: Sendable, Equatable {
        public var pipelineName: String
        public var startTime: String?
        public var maxUnits: Int?
        public var provider: String?
        public var model: String?
        /// `realtime` or `batch`.
        public var mode: String
        public var initialInputTokens = 0
        public var initialOutputTokens = 0
        public var retryInputTokens = 0
        public var retryOutputTokens = 0
        /// Spent so far in USD; nil when some spend has no known price.
        public var cost: Double?
        public var pid: Int?
        public var extra: ValueObject = [:]

        public init(pipelineName: String, provider: String?, model: String?, mode: String, maxUnits: Int? = nil,
                    startTime: String? = nil) {
            self.pipelineName = pipelineName
            self.provider = provider
            self.model = model
            self.mode = mode
            self.maxUnits = maxUnits
            self.startTime = startTime
        }
    }

    public var config = "config/config.yaml"
    public var created: String
    public var updated: String
    public var status: Status
    public var pipeline: [String]
    public var chunks: [Chunk]
    public var metadata: Metadata
    /// `CostLedger.value`.
    public var ledger: Value?
    /// Step → the steps it reads from (our extension).
    public var dag: [String: [String]]
    public var errorMessage: String?
    public var pausedAt: String?
    public var completedAt: String?
    public var failedAt: String?
    public var extra: ValueObject = [:]

    public init(created: String, status: Status, pipeline: [String], chunks: [Chunk], metadata: Metadata,
                dag: [String: [String]] = [:], ledger: Value? = nil) {
        self.created = created
        self.updated = created
        self.status = status
        self.pipeline = pipeline
        self.chunks = chunks
        self.metadata = metadata
        self.dag = dag
        self.ledger = ledger
    }

    /// The manifest entry of a chunk, derived from its durable state: the first step (in `stepOrder`)
    /// that is not done gives `<step>_SUBMITTED` (a batch is in flight) or `<step>_PENDING`; when every
    /// step is done the chunk is `VALIDATED`, or `FAILED` if some step ended with no valid unit.
    public static func chunk(from state: ChunkState, stepOrder: [String]) -> Chunk {
        let order = stepOrder + state.stepNames.filter { !stepOrder.contains($0) }
        let started = order.filter { state[$0].status != .pending }
        let latest = started.last.map { state[$0] }
        var entry = Chunk(name: state.chunk, state: "VALIDATED", items: state.items,
                          valid: latest?.valid ?? 0, failed: latest?.failed ?? 0)
        if let current = order.first(where: { state[$0].status != .done }) {
            let progress = state[current]
            entry.state = current + (progress.batch != nil && progress.status == .inProgress ? "_SUBMITTED" : "_PENDING")
            entry.batchID = progress.batch?.id
        } else if state.items > 0, order.contains(where: { state[$0].valid == 0 }) {
            entry.state = "FAILED"
        }
        return entry
    }
}
