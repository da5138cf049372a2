import Basics
import Foundation
import Pipeline
import Providers

/// How a run invocation ended.
public struct RunOutcome: Sendable {
    public enum Status: String, Sendable { case complete, paused, failed }
    public var status: Status
    public var stopReason: StopReason?
    public var counters: [String: StepCounters]
    public var spentUSD: Double
    public var costKnown: Bool
}

/// Executes a plan over a run directory, chunk by chunk, many chunks at once, until every unit of every
/// step is settled or the run stops.
///
/// Invariants: holds the run's exclusive lock for the whole execution; the manifest is rewritten only at
/// start and end (the chunk state files and JSONL files are the durable truth in between); a stop of any
/// kind ends with status `paused` (or `failed` for a fatal provider error) and every unfinished unit pending.
public struct RunExecutor: Sendable {
    public let store: RunStore
    public let plan: ExecutionPlan
    public let options: RunOptions
    public let registry: ModelRegistry
    public let observer: any RunObserver
    public let clock: any RuntimeClock
    public let providerFactory: @Sendable (String, ExecutionPlan) throws -> any LLMProvider

    public init(store: RunStore, plan: ExecutionPlan, options: RunOptions, registry: ModelRegistry,
                observer: any RunObserver, clock: any RuntimeClock = ContinuousRuntimeClock(),
                providerFactory: @escaping @Sendable (String, ExecutionPlan) throws -> any LLMProvider) {
        self.store = store
        self.plan = plan
        self.options = options
        self.registry = registry
        self.observer = observer
        self.clock = clock
        self.providerFactory = providerFactory
    }

    public func execute() async throws -> RunOutcome {
        let lock = try store.lock()
        defer { lock.release() }
        var manifest = try store.readManifest()
        manifest.status = .running
        manifest.pausedAt = nil
        manifest.metadata.pid = Int(ProcessInfo.processInfo.processIdentifier)
        manifest.metadata.mode = options.mode.rawValue
        manifest.metadata.extra["max_retries"] = .int(options.retryBudget(plan.config))
        try store.writeManifest(manifest)
        let log = try? RunLog(path: store.paths.runLog)
        try? log?.log("RUN", "\(options.mode.rawValue) run of \(plan.config.name) started (pid \(ProcessInfo.processInfo.processIdentifier))")

        let hasLLMSteps = plan.orderedSteps.contains { if case .llm = $0.work { return true } else { return false } }
        let trace = hasLLMSteps ? try? TraceLog(path: store.paths.traceLog) : nil
        defer { try? trace?.close() }
        let services = try RunServices(plan: plan, options: options, clock: clock,
                                       retryBonus: manifest.metadata.retryBonus, trace: trace) { name in
            try providerFactory(name, plan)
        }
        let session = RunSession(costCap: options.costCap(plan.config), registry: registry,
                                 batch: options.mode == .batch, observer: observer,
                                 ledger: manifest.ledger.flatMap { try? CostLedger(value: $0) } ?? CostLedger(),
                                 runLog: log)
        let prompts = PromptContext(plan: plan)
        let chunks = try store.chunkNames()
        // Enough chunks in flight to keep every call slot busy across chunk boundaries, and no more.
        let callWidth = plan.orderedSteps.compactMap { step -> Int? in
            guard case .llm(let work) = step.work else { return nil }
            return options.width(for: work.resolution.provider, plan.config)
        }.max() ?? 1
        let chunkSize = Swift.max(1, plan.chunkSize)
        let width = Swift.max(2, Swift.min(chunks.count, 2 + 2 * ((callWidth + chunkSize - 1) / chunkSize)))
        let watchdog = options.timeout.map { limit in
            Task { [clock] in
                try? await clock.sleep(for: limit)
                if !Task.isCancelled { await session.stop(.timeout) }
            }
        }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                var iterator = chunks.makeIterator()
                var running = 0
                func startNext() -> Bool {
                    guard let chunk = iterator.next() else { return false }
                    group.addTask {
                        try await ChunkRunner(plan: plan, store: store, session: session, services: services,
                                              chunk: chunk, prompts: prompts).run()
                    }
                    return true
                }
                while running < width, startNext() { running += 1 }
                while try await group.next() != nil {
                    if await session.isStopped { continue }
                    if startNext() { running += 1 }
                }
            }
        } catch is CancellationError {
            await session.stop(.interrupted)
        } catch {
            watchdog?.cancel()
            try await finish(session: session, log: log, failure: "\(error)")
            throw error
        }
        watchdog?.cancel()
        if Task.isCancelled { await session.stop(.interrupted) }
        return try await finish(session: session, log: log, failure: nil)
    }

    @discardableResult
    func finish(session: RunSession, log: RunLog?, failure: String?) async throws -> RunOutcome {
        let reason = await session.stopReason
        let counters = await session.counters
        var manifest = try store.readManifest()
        var chunks: [ManifestSnapshot.Chunk] = []
        var allDone = true
        for name in try store.chunkNames() {
            let state = try store.readState(name)
            if !state.isDone { allDone = false }
            chunks.append(ManifestSnapshot.chunk(from: state, stepOrder: plan.graph.order))
        }
        manifest.chunks = chunks
        let ledger = await session.ledger
        manifest.ledger = ledger.value
        manifest.metadata.cost = ledger.totalCost
        let first = await session.firstAttemptTokens
        let retries = await session.retryTokens
        manifest.metadata.initialInputTokens += first.inputTokens
        manifest.metadata.initialOutputTokens += first.outputTokens
        manifest.metadata.retryInputTokens += retries.inputTokens
        manifest.metadata.retryOutputTokens += retries.outputTokens
        let now = RunTimestamp.seconds(Date())
        let status: RunOutcome.Status
        if let failure {
            status = .failed
            manifest.status = .failed
            manifest.errorMessage = String(failure.prefix(500))
            manifest.failedAt = now
        } else if case .fatalProviderError? = reason {
            status = .failed
            manifest.status = .failed
            manifest.errorMessage = reason?.description
            manifest.failedAt = now
        } else if reason != nil || !allDone {
            status = .paused
            manifest.status = .paused
            manifest.pausedAt = now
        } else {
            status = .complete
            manifest.status = .complete
            manifest.completedAt = now
        }
        try store.writeManifest(manifest)
        if status == .complete { await CompletionTasks(plan: plan, store: store, log: log).run() }
        try? log?.log(status == .complete ? "COMPLETE" : status == .paused ? "PAUSED" : "FAILED",
                      reason?.description ?? failure ?? "all chunks settled")
        try? log?.close()
        return RunOutcome(status: status, stopReason: reason, counters: counters,
                          spentUSD: ledger.knownCost, costKnown: !ledger.hasUnpricedSpend)
    }
}
