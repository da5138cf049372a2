/// Live counts of one step across all chunks, for progress display and the summary.
public struct StepCounters: Sendable, Equatable {
    public var total = 0
    public var valid = 0
    public var failed = 0
    public var retried = 0
    public var calls = 0
    public var inputTokens = 0
    public var outputTokens = 0
    public var costUSD = 0.0
    /// False once a call's price was unknown.
    public var costKnown = true

    public var done: Int { valid + failed }
    public init() {}
}

/// What a run reports while it works (progress displays and logs implement it).
public protocol RunObserver: Sendable {
    func stepProgress(_ step: String, _ counters: StepCounters)
    func log(_ tag: String, _ message: String)
}

/// An observer that ignores everything (tests, `--quiet`).
public struct SilentRunObserver: RunObserver {
    public init() {}
    public func stepProgress(_ step: String, _ counters: StepCounters) {}
    public func log(_ tag: String, _ message: String) {}
}
