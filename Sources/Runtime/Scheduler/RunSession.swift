import Basics
import Foundation
import Providers

/// The mutable state of one run shared by all chunk runners: counters, spend, the cost cap and the stop
/// reason. An actor, so every change is serialised.
///
/// Invariants: `spentUSD + reservedUSD` never exceeds the cap when a reservation is granted; once
/// `stopReason` is set no new call is granted; tokens are counted per step and split first attempt vs retry.
public actor RunSession {
    public private(set) var counters: [String: StepCounters] = [:]
    public private(set) var stopReason: StopReason?
    public private(set) var spentUSD = 0.0
    private var reservedUSD = 0.0
    public private(set) var firstAttemptTokens = TokenUsage()
    public private(set) var retryTokens = TokenUsage()
    /// Tokens and cost per step, provider, model, mode and phase, across every invocation of the run.
    public private(set) var ledger: CostLedger
    let costCap: Double?
    let registry: ModelRegistry
    let batch: Bool
    let observer: any RunObserver
    /// RUN_LOG.txt, where every log line also goes.
    let runLog: RunLog?

    public init(costCap: Double?, registry: ModelRegistry, batch: Bool, observer: any RunObserver,
                ledger: CostLedger = CostLedger(), runLog: RunLog? = nil) {
        self.runLog = runLog
        self.costCap = costCap
        self.registry = registry
        self.batch = batch
        self.observer = observer
        self.ledger = ledger
        self.spentUSD = ledger.knownCost
    }

    public func stop(_ reason: StopReason) {
        if stopReason == nil {
            stopReason = reason
            log("STOP", reason.description)
        }
    }

    public var isStopped: Bool { stopReason != nil }

    public func setTotal(_ step: String, adding count: Int) {
        counters[step, default: StepCounters()].total += count
        observer.stepProgress(step, counters[step, default: StepCounters()])
    }

    /// The price of a call, or nil when the model has no known price.
    nonisolated func price(provider: String, model: String, usage: TokenUsage, batch: Bool) -> Double? {
        registry.cost(provider: provider, model: model, usage: usage, batch: batch)
    }

    /// Grants a call whose cost is estimated at `estimate`, unless it would cross the cap.
    public func reserve(_ estimate: Double) -> Bool {
        guard stopReason == nil else { return false }
        if let cap = costCap, spentUSD + reservedUSD + estimate > cap {
            stop(.costCap(limitUSD: cap))
            return false
        }
        reservedUSD += estimate
        return true
    }

    /// Books a finished call: releases its reservation and adds what it really cost.
    public func book(step: String, provider: String, model: String, usage: TokenUsage, reserved: Double,
                     retry: Bool) {
        reservedUSD = max(0, reservedUSD - reserved)
        var c = counters[step, default: StepCounters()]
        c.calls += 1
        c.inputTokens += usage.inputTokens
        c.outputTokens += usage.outputTokens
        // Priced once; the ledger and the live counters book the same figure.
        let cost = usage == TokenUsage() ? 0 : price(provider: provider, model: model, usage: usage, batch: batch)
        if let cost {
            c.costUSD += cost
            spentUSD += cost
        } else {
            c.costKnown = false
        }
        counters[step] = c
        if retry { retryTokens += usage } else { firstAttemptTokens += usage }
        ledger.record(CostLedger.LineKey(step: step, provider: provider, model: model, mode: batch ? .batch : .realtime,
                                         phase: retry ? .retry : .initial), usage: usage, cost: cost)
    }

    /// Releases a reservation whose call was not made.
    public func cancelReservation(_ amount: Double) { reservedUSD = max(0, reservedUSD - amount) }

    public func recordOutcome(step: String, valid: Bool, final: Bool, retried: Bool) {
        var c = counters[step, default: StepCounters()]
        if valid { c.valid += 1 } else if final { c.failed += 1 }
        if retried { c.retried += 1 }
        counters[step] = c
        observer.stepProgress(step, c)
    }

    /// Counts already settled before this invocation (a resumed run).
    public func recordSettled(step: String, valid: Int, failed: Int) {
        var c = counters[step, default: StepCounters()]
        c.valid += valid
        c.failed += failed
        counters[step] = c
        observer.stepProgress(step, c)
    }

    /// A line for RUN_LOG.txt only (routine progress the terminal does not need).
    public func record(_ tag: String, _ message: String) { try? runLog?.log(tag, message) }

    public func log(_ tag: String, _ message: String) {
        observer.log(tag, message)
        try? runLog?.log(tag, message)
    }
}
