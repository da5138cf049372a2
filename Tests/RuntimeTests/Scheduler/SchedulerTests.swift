import Basics
import Foundation
import Providers
import Runtime
import Testing

@Suite struct SchedulerTests {
    @Test func completesEveryUnitWithRecordsInThePythonShape() async throws {
        let fixture = try SchedulerFixture(items: 10)
        defer { fixture.remove() }
        let outcome = try await fixture.run()
        #expect(outcome.status == .complete)
        #expect(outcome.counters["ask"]?.valid == 10)
        let valid = try fixture.records("ask", "validated")
        #expect(valid.count == 10)
        // Records are written as answers arrive, so look the unit up rather than relying on order.
        let first = try #require(valid.first { $0["unit_id"] == "u1" }?.objectValue)
        #expect(first.keys == ["unit_id", "id", "n", "double", "inverse", "_metadata", "answer", "label", "_raw_text"])
        #expect(first["answer"] == .int(3))
        #expect(first["_metadata"]?["model"] == "mock-1")
        let manifest = try String(contentsOfFile: fixture.runDirectory + "/MANIFEST.json", encoding: .utf8)
        #expect(manifest.contains("\"status\": \"complete\""))
    }

    @Test func onlyFailedUnitsAreRetriedAndEachAttemptIsRecorded() async throws {
        let fixture = try SchedulerFixture(items: 12, flaky: true)
        defer { fixture.remove() }
        var options = RunOptions()
        options.maxRetries = 20
        let settings = MockProviderSettings(failureRate: 0.3, malformedRate: 0.4, rateLimitedShare: 1,
                                            rateLimitRetryAfter: .milliseconds(1))
        let outcome = try await fixture.run(options: options, settings: settings)
        #expect(outcome.status == .complete)
        let valid = try fixture.records("ask", "validated")
        #expect(Set(valid.compactMap { $0["unit_id"]?.stringValue }).count == 12)
        #expect(valid.count == 12)
        let results = try fixture.records("ask", "results")
        let failures = try fixture.records("ask", "failures")
        #expect(results.count > 12, "the invalid answers needed retries")
        #expect(failures.allSatisfy { ["validation", "provider_error"].contains($0["failure_stage"]?.stringValue ?? "") })
        #expect(failures.contains { $0["failure_stage"] == "validation" })
        // A unit answered k times has exactly k - 1 failure records: nothing was re-requested after it passed.
        var answers: [String: Int] = [:], failed: [String: Int] = [:]
        for r in results { answers[r["unit_id"]?.stringValue ?? "", default: 0] += 1 }
        for f in failures where f["failure_stage"] != "provider_error" { failed[f["unit_id"]?.stringValue ?? "", default: 0] += 1 }
        for (unit, count) in answers { #expect(failed[unit, default: 0] == count - 1, "\(unit)") }
        // Attempt numbers of one unit are 0, 1, 2, … without gaps or repeats.
        for unit in answers.keys {
            let attempts = results.filter { $0["unit_id"]?.stringValue == unit }.compactMap { $0["attempt"]?.intValue }
            #expect(Set(attempts).count == attempts.count)
        }
    }

    @Test func anExpressionFailureIsAFailureRecordNotADroppedUnit() async throws {
        let fixture = try SchedulerFixture(items: 5, zeroAt: 3)
        defer { fixture.remove() }
        let outcome = try await fixture.run()
        #expect(outcome.status == .complete)
        #expect(outcome.counters["prepare"]?.failed == 1)
        let failures = try fixture.records("prepare", "failures")
        #expect(failures.count == 1)
        #expect(failures.first?["unit_id"] == "u3")
        #expect(failures.first?["failure_stage"] == "expression")
        let message = failures.first?["errors"]?.arrayValue?.first?["message"]?.stringValue ?? ""
        #expect(message.hasPrefix("Expression 'inverse' failed: "))
        #expect(try fixture.records("ask", "validated").count == 4)
    }

    @Test func theCostCapStopsBeforeCrossingAndTheRestResumes() async throws {
        let fixture = try SchedulerFixture(items: 10)
        defer { fixture.remove() }
        var options = RunOptions()
        options.maxCostUSD = 0.08
        options.concurrency = 1
        let first = try await fixture.run(options: options, registry: PricedRegistry.make())
        #expect(first.status == .paused)
        #expect(first.stopReason == .costCap(limitUSD: 0.08))
        #expect(first.spentUSD <= 0.08)
        let partial = try fixture.records("ask", "validated").count
        #expect(partial > 0 && partial < 10)
        let second = try await fixture.run(registry: PricedRegistry.make())
        #expect(second.status == .complete)
        let results = try fixture.records("ask", "results")
        #expect(results.count == 10, "no unit was requested twice")
        #expect(try fixture.records("ask", "validated").count == 10)
    }

    @Test func batchModeSubmitsPollsAndCollects() async throws {
        let fixture = try SchedulerFixture(items: 9)
        defer { fixture.remove() }
        var options = RunOptions()
        options.mode = .batch
        options.pollInterval = .milliseconds(5)
        let settings = MockProviderSettings(malformedRate: 0.3, batchDuration: .milliseconds(20))
        let outcome = try await fixture.run(options: options, settings: settings)
        #expect(outcome.status == .complete)
        #expect(try fixture.records("ask", "validated").count == 9)
        let state = try String(contentsOfFile: fixture.runDirectory + "/chunks/chunk_000/state.json", encoding: .utf8)
        #expect(!state.contains("\"batch\": {"), "the collected batch handle is cleared")
    }

    @Test func unitsABatchReturnsNothingForAreRetriedNotDropped() async throws {
        let fixture = try SchedulerFixture(items: 9)
        defer { fixture.remove() }
        var options = RunOptions()
        options.mode = .batch
        options.pollInterval = .milliseconds(5)
        let settings = MockProviderSettings(batchDuration: .milliseconds(10))
        let outcome = try await fixture.run(options: options, settings: settings) { LossyBatchProvider(base: $0) }
        #expect(outcome.status == .complete)
        #expect(try fixture.records("ask", "validated").count == 9, "every unit is answered in the end")
        let failures = try fixture.records("ask", "failures")
        // The first results of u2, u5 and u8 were lost: those units have a provider_error record saying so.
        #expect(failures.count == 3)
        #expect(failures.allSatisfy { $0["failure_stage"] == "provider_error" })
        let message = failures.first?["errors"]?.arrayValue?.first?["message"]?.stringValue ?? ""
        #expect(message.contains("returned no result for this unit"), "\(message)")
    }
}

/// A provider that loses the first result of three units (as a provider's partial or expired batch might),
/// and which otherwise is the mock.
actor LossyBatchProvider: LLMProvider {
    let base: MockProvider
    /// Units whose first result is lost.
    static let lost: Set<String> = ["u2", "u5", "u8"]
    private var dropped = Set<String>()
    init(base: MockProvider) { self.base = base }
    nonisolated var name: String { base.name }
    func complete(_ request: LLMRequest) async throws(LLMProviderError) -> LLMResponse { try await base.complete(request) }
    func submitBatch(_ requests: [LLMRequest]) async throws(LLMProviderError) -> BatchHandle { try await base.submitBatch(requests) }
    func pollBatch(_ handle: BatchHandle) async throws(LLMProviderError) -> BatchStatus { try await base.pollBatch(handle) }
    func collectBatch(_ handle: BatchHandle) async throws(LLMProviderError) -> [BatchItemResult] {
        let results = try await base.collectBatch(handle)
        return results.filter { result in
            !(Self.lost.contains(result.customID) && dropped.insert(result.customID).inserted)
        }
    }
    func cancelBatch(_ handle: BatchHandle) async throws(LLMProviderError) { try await base.cancelBatch(handle) }
}
