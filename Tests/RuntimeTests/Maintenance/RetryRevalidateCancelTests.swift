import Basics
import Foundation
import Pipeline
import Providers
import Runtime
import Testing

@Suite struct RetryRevalidateCancelTests {
    /// A flaky run with no retries: some units of `ask` fail for good (answer 0 breaks `answer > 0`).
    static func runWithFinalFailures(items: Int = 12, malformed: Double = 0) async throws -> SchedulerFixture {
        let fixture = try SchedulerFixture(items: items, flaky: true)
        var options = RunOptions()
        options.maxRetries = 0
        let outcome = try await fixture.run(options: options, settings: MockProviderSettings(malformedRate: malformed))
        #expect(outcome.status == .complete)
        return fixture
    }

    static func ids(_ records: [Value]) -> [String] { records.compactMap { $0["unit_id"]?.stringValue } }

    @Test func retryGivesOnlyTheFailedUnitsMoreAttempts() async throws {
        let fixture = try await Self.runWithFinalFailures()
        defer { fixture.remove() }
        let validBefore = Set(Self.ids(try fixture.records("ask", "validated")))
        let failedBefore = Set(Self.ids(try fixture.records("ask", "failures")))
        try #require(!failedBefore.isEmpty && !validBefore.isEmpty)
        let resultsBefore = try fixture.records("ask", "results")
        let prepareBefore = try fixture.records("prepare", "validated").count

        let registry = try RegistryLoader.load(environment: [:])
        let store = try RunStore.open(at: fixture.runDirectory)
        let grants = try RunRetrier.grant(store: store, plan: try fixture.plan(registry: registry), step: "ask", extraRetries: 20)
        #expect(grants.map(\.step) == ["ask"])
        #expect(grants.first?.units == failedBefore.count)
        #expect(grants.first?.budget == 20)
        let manifest = try store.readManifest()
        #expect(manifest.status == .paused)
        #expect(manifest.metadata.retryBonus == ["ask": 20])
        let plan = try fixture.plan(registry: registry)
        let report = try RunVerifier.verify(runDirectory: fixture.runDirectory, graph: plan.graph, maxRetries: 0)
        #expect(report.steps.first { $0.step == "ask" }?.retryable == failedBefore.count, "verify sees the raised budget")

        var options = RunOptions()
        options.maxRetries = 0
        let outcome = try await fixture.run(options: options)
        #expect(outcome.status == .complete)
        let valid = Self.ids(try fixture.records("ask", "validated"))
        #expect(valid.count == 12 && Set(valid).count == 12, "every unit passes with the fresh budget")
        let results = try fixture.records("ask", "results")
        #expect(results.count > resultsBefore.count)
        let before = Set(resultsBefore.map { "\($0["unit_id"]?.stringValue ?? "")|\($0["attempt"]?.intValue ?? -1)" })
        for record in results where !before.contains("\(record["unit_id"]?.stringValue ?? "")|\(record["attempt"]?.intValue ?? -1)") {
            let id = record["unit_id"]?.stringValue ?? ""
            #expect(failedBefore.contains(id), "only failed units are requested again (\(id))")
            #expect((record["attempt"]?.intValue ?? 0) >= 1, "the next attempt follows the last failed one")
        }
        #expect(results.count - resultsBefore.count >= failedBefore.count)
        #expect(try fixture.records("prepare", "validated").count == prepareBefore, "other steps are untouched")
        #expect(try RunRetrier.grant(store: store, plan: try fixture.plan(registry: registry), step: nil, extraRetries: 3).isEmpty)
    }

    @Test func revalidatePromotesAnswersThatPassARelaxedConfig() async throws {
        let fixture = try await Self.runWithFinalFailures(items: 16, malformed: 0.3)
        defer { fixture.remove() }
        let failures = try fixture.records("ask", "failures")
        let ruleFailures = Set(failures.filter { $0["failure_stage"] == "validation" }.compactMap { $0["unit_id"]?.stringValue })
        let otherFailures = Set(failures.compactMap { $0["unit_id"]?.stringValue }).subtracting(ruleFailures)
        try #require(!ruleFailures.isEmpty)
        let validBefore = try fixture.records("ask", "validated")
        let shape = try #require(validBefore.first?.objectValue?.keys)

        let config = fixture.root.appendingPathComponent("pipe/config.yaml")
        try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: "expr: \"answer > 0\"", with: "expr: \"answer >= 0\"")
            .write(to: config, atomically: true, encoding: .utf8)
        let store = try RunStore.open(at: fixture.runDirectory)
        let plan = try fixture.plan(registry: RegistryLoader.load(environment: [:]))
        do {
            let driver = try store.lock()
            defer { driver.release() }
            #expect(throws: RunLockError.self, "refused while another process drives the run") {
                try RunRevalidator.revalidate(store: store, plan: plan, step: nil)
            }
        }
        let results = try RunRevalidator.revalidate(store: store, plan: plan, step: nil)
        let ask = try #require(results.first { $0.step == "ask" })
        #expect(ask.passed == ruleFailures.count)
        #expect(ask.failures >= ruleFailures.count)

        let valid = try fixture.records("ask", "validated")
        let validIDsBefore = Set(Self.ids(validBefore))
        let promoted = valid.filter { !validIDsBefore.contains($0["unit_id"]?.stringValue ?? "") }
        #expect(Set(Self.ids(promoted)) == ruleFailures)
        for record in promoted {
            #expect(record["answer"] == .int(0))
            #expect(record.objectValue?.keys == shape, "built as the scheduler builds a valid record")
            #expect(record["_metadata"]?["model"] == "mock-1")
        }
        let remaining = Set(Self.ids(try fixture.records("ask", "failures")))
        #expect(remaining == otherFailures, "the others keep their failure records")
        var counted = 0
        for chunk in try store.chunkNames() { counted += try store.readState(chunk)["ask"].valid }
        #expect(counted == valid.count)
        // Nothing new passes a second time.
        let again = try RunRevalidator.revalidate(store: store, plan: try fixture.plan(registry: RegistryLoader.load(environment: [:])),
                                                  step: "ask")
        #expect(again.first?.passed == 0)
    }

    @Test func cancelDropsTheBatchInFlightAndPausesTheRun() async throws {
        let fixture = try SchedulerFixture(items: 4)
        defer { fixture.remove() }
        var options = RunOptions()
        options.mode = .batch
        options.pollInterval = .milliseconds(5)
        options.timeout = .milliseconds(300)
        let first = try await fixture.run(options: options, settings: MockProviderSettings(batchDuration: .seconds(60)))
        #expect(first.status == .paused)
        let store = try RunStore.open(at: fixture.runDirectory)
        #expect(try store.readState("chunk_000")["ask"].batch != nil)
        var manifest = try store.readManifest()
        manifest.status = .running
        try store.writeManifest(manifest)

        // The run is driven by "another process" (a lock carrying a foreign PID) that pauses on SIGTERM.
        let holder = try RunLock.acquire(runDirectory: fixture.runDirectory, pid: 999_999)
        let signalled = LockedBox<Int32?>(nil)
        let summary = try await RunCanceller.cancel(store: store, signal: { pid in
            signalled.value = pid
            holder.release()
            return true
        }, cancelBatch: { handle in
            try await MockProvider(settings: MockProviderSettings()).cancelBatch(handle)
        })
        #expect(signalled.value == 999_999)
        #expect(summary.signalled == 999_999 && summary.stopped)
        #expect(summary.batchesDropped == 1, "a mock batch of another process is unknown here: dropped")
        #expect(try store.readManifest().status == .paused)
        #expect(try store.readState("chunk_000")["ask"].batch == nil)

        options.timeout = nil
        let resumed = try await fixture.run(options: options, settings: MockProviderSettings(batchDuration: .milliseconds(10)))
        #expect(resumed.status == .complete)
        #expect(try fixture.records("ask", "validated").count == 4)
    }
}

/// A value shared with a `@Sendable` closure in a test.
final class LockedBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
