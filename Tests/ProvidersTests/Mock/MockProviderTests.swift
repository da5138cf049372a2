import Basics
import Providers
import Testing

@Suite struct MockProviderTests {
    static func request(_ unit: String, attempt: Int = 0, schema: Value? = nil, prompt: String = "Say hi") -> LLMRequest {
        LLMRequest(unitID: unit, step: "analyze", provider: "mock", model: "mock-1", prompt: prompt,
                   responseSchema: schema, attempt: attempt, mockContext: ["unit_id": .string(unit), "x": 3])
    }

    @Test func answersFromTheAnswerSourceAsPythonJSONWithTokenCounts() async throws {
        let provider = MockProvider(clock: ManualClock()) { request in
            ["unit": .string(request.unitID), "doubled": .int((request.mockContext?["x"]?.intValue ?? 0) * 2)]
        }
        let response = try await provider.complete(Self.request("u1", prompt: "12345"))
        #expect(response.text == #"{"unit": "u1", "doubled": 6}"#)
        #expect(response.usage == TokenUsage(inputTokens: 2, outputTokens: 7))   // ceil(5/4), ceil(28/4)
        #expect(response.model == "mock-1")
        #expect(response.finishReason == "stop")
    }

    @Test func fallsBackToTheSchemaWhenTheSourceReturnsNil() async throws {
        let schema: Value = ["type": "object", "required": ["outcome"],
                             "properties": ["outcome": ["enum": ["fell_in_water", "reached_ship"]]]]
        let provider = MockProvider(clock: ManualClock()) { _ in nil }
        let text = try await provider.complete(Self.request("u1", schema: schema)).text
        let value = try JSONReader.parse(text)
        #expect(["fell_in_water", "reached_ship"].contains(value["outcome"]?.stringValue ?? ""))
        #expect(try await provider.complete(Self.request("u1", attempt: 1, schema: schema)).text == text)
        let bare = MockProvider(clock: ManualClock())
        #expect(try await bare.complete(Self.request("u1")).text == "{}")
    }

    @Test func answerSourceErrorsFailTheUnitOnly() async {
        struct Boom: Error {}
        let provider = MockProvider(clock: ManualClock()) { _ in throw Boom() }
        await #expect(throws: LLMProviderError.self) { try await provider.complete(Self.request("u1")) }
        do { _ = try await provider.complete(Self.request("u1")) } catch {
            if case .invalidRequest(let message) = error { #expect(message.contains("u1")) } else { Issue.record("\(error)") }
        }
    }

    @Test func failuresAndMalformationsAreDeterministicAndNearTheirRates() async {
        let settings = MockProviderSettings(failureRate: 0.2, malformedRate: 0.3)
        let provider = MockProvider(settings: settings, seed: 42, clock: ManualClock()) { _ in ["ok": true] }
        var failures = 0, rateLimited = 0, malformed = 0, recoveredOnRetry = 0
        for i in 0..<1000 {
            let request = Self.request("u\(i)")
            let first = await Self.outcome(provider, request)
            let twin = MockProvider(settings: settings, seed: 42, clock: ManualClock()) { _ in ["ok": true] }
            #expect(first == (await Self.outcome(twin, request)))   // same inputs, same outcome
            switch first {
            case .failure(let error):
                failures += 1
                if case .rateLimited(let wait) = error { rateLimited += 1; #expect(wait == .seconds(1)) }
                if case .success = await Self.outcome(provider, request.retried()) { recoveredOnRetry += 1 }
            case .success(let text):
                if text != #"{"ok": true}"# { malformed += 1 }
            }
        }
        #expect((150...250).contains(failures))
        #expect((failures / 4...failures * 3 / 4).contains(rateLimited))
        #expect((200...280).contains(malformed))       // 30 % of the ~800 successes
        #expect(recoveredOnRetry > failures / 2)
    }

    @Test func resendingAFailedRequestIsANewDraw() async {
        let settings = MockProviderSettings(failureRate: 0.5)
        let provider = MockProvider(settings: settings, seed: 1, clock: ManualClock()) { _ in 1 }
        var recovered = 0, failedFirst = 0
        for i in 0..<200 {
            let request = Self.request("u\(i)")
            guard case .failure = await Self.outcome(provider, request) else { continue }
            failedFirst += 1
            var outcome = await Self.outcome(provider, request)
            for _ in 0..<9 where (try? outcome.get()) == nil { outcome = await Self.outcome(provider, request) }
            if case .success = outcome { recovered += 1 }
            // After a success the key is forgotten: the next send replays the first draw (a failure).
            if case .success = outcome { #expect((try? await Self.outcome(provider, request).get()) == nil) }
        }
        #expect(failedFirst > 60 && recovered == failedFirst)
    }

    @Test func malformedVariantsKeepTheJSON() {
        let json = #"{"a": 1}"#
        #expect(MockMalformation.jsonFence.apply(to: json) == "```json\n{\"a\": 1}\n```")
        #expect(MockMalformation.trailingComma.apply(to: json) == #"{"a": 1, }"#)
        #expect(MockMalformation.prose.apply(to: json).hasPrefix("Here is"))
        #expect(MockMalformation.prose.apply(to: json).contains("\n\(json)\n"))
        #expect(MockMalformation.otherFence.apply(to: json) == "```javascript\n{\"a\": 1}\n```")
    }

    @Test func everyMalformationIsUsed() {
        let settings = MockProviderSettings(malformedRate: 1)
        let seen = Set((0..<200).compactMap {
            MockDecision.decide(seed: 1, unitID: "u\($0)", step: "s", attempt: 0, settings: settings).malformation
        })
        #expect(seen == Set(MockMalformation.allCases))
    }

    @Test func latencyIsWaitedOnTheInjectedClock() async throws {
        let clock = ManualClock()
        let provider = MockProvider(settings: MockProviderSettings(latencyMilliseconds: 100), clock: clock) { _ in 1 }
        let expected = provider.decision(for: Self.request("u1")).latency
        #expect(expected >= .milliseconds(50) && expected < .milliseconds(150))
        let task = Task { try await provider.complete(Self.request("u1")).text }
        await clock.waitForSleepers(1)
        #expect(clock.nextDeadline == expected)
        clock.advance(by: expected)
        #expect(try await task.value == "1")
    }

    @Test func cancellationDuringLatencyIsReported() async {
        let clock = ManualClock()
        let provider = MockProvider(settings: MockProviderSettings(latencyMilliseconds: 100), clock: clock) { _ in 1 }
        let task = Task { () -> LLMProviderError? in
            if case .failure(let error) = await Self.outcome(provider, Self.request("u1")) { return error }
            return nil
        }
        await clock.waitForSleepers(1)
        task.cancel()
        let error = await task.value
        #expect(error == .cancelled)
        #expect(clock.sleeperCount == 0)
    }

    @Test func batchLifecycleOnTheInjectedClock() async throws {
        let clock = ManualClock()
        let settings = MockProviderSettings(failureRate: 0.3, batchDuration: .seconds(10))
        let provider = MockProvider(settings: settings, seed: 3, clock: clock) { r in .string(r.unitID) }
        let requests = (0..<20).map { Self.request("u\($0)") }
        let handle = try await provider.submitBatch(requests)
        #expect(handle.id.hasPrefix("mock_batch_") && handle.id.hasSuffix("_000001"))
        // Another instance (another process) never reuses an id.
        #expect(try await MockProvider().submitBatch([Self.request("x")]).id != handle.id)
        #expect(handle.requestCount == 20)
        #expect(try await provider.pollBatch(handle).state == .validating)
        clock.advance(by: .seconds(2))
        #expect(try await provider.pollBatch(handle).state == .inProgress)
        await #expect(throws: LLMProviderError.self) { try await provider.collectBatch(handle) }
        clock.advance(by: .seconds(8))
        let status = try await provider.pollBatch(handle)
        #expect(status.state == .completed)
        let results = try await provider.collectBatch(handle)
        #expect(results.map(\.customID) == requests.map(\.unitID))
        #expect(results.filter { $0.error != nil }.count == status.failed)
        #expect(status.completed + status.failed == 20 && status.failed > 0)
        for (request, result) in zip(requests, results) {
            let realtime = await Self.outcome(provider, request)
            switch (realtime, result.result) {
            case (.success(let text), .success(let response)): #expect(text == response.text)
            case (.failure(let a), .failure(let b)): #expect(a == b)
            default: Issue.record("batch and realtime disagree for \(request.unitID)")
            }
        }
    }

    @Test func batchCancelAndUnknownHandles() async throws {
        let clock = ManualClock()
        let provider = MockProvider(clock: clock) { _ in 1 }
        let handle = try await provider.submitBatch([Self.request("a")])
        try await provider.cancelBatch(handle)
        #expect(try await provider.pollBatch(handle).state == .cancelled)
        let stranger = BatchHandle(provider: "mock", id: "mock_batch_999999", requestCount: 4)
        let status = try await provider.pollBatch(stranger)
        #expect(status.state == .expired && status.total == 4)
        let restored = try BatchHandle(value: handle.value)
        #expect(restored == handle)
    }

    static func outcome(_ provider: MockProvider, _ request: LLMRequest) async -> Result<String, LLMProviderError> {
        do { return .success(try await provider.complete(request).text) } catch { return .failure(error) }
    }
}
