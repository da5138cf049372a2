import Basics
import Foundation

/// The offline provider: answers from an injected answer source (the step's `mock:` expressions) or from
/// the request's response schema, with deterministic simulated latency, failures and malformed output.
///
/// Invariants:
/// - Every outcome is a pure function of (seed, unitID, step, attempt) and the answer source
///   (`MockDecision`), so re-running gives the same results, and a retry (attempt + 1) draws anew.
///   Like a real server, re-sending the *same* request after a failure is also a new draw: the provider
///   counts failed sends per (unit, step, attempt) in this process (`repeat`), and forgets a key once it
///   succeeds, so the memory held is bounded by the requests that are failing right now.
/// - Tokens: input = ceil((UTF-8 bytes of prompt + system) / 4), output = ceil(UTF-8 bytes of the
///   returned text / 4): the usual "4 characters per token" rule, stable and cheap.
/// - Well-formed answers are `JSONWriter.python(answer)`; malformed ones are one of `MockMalformation`.
/// - Latency is waited on the injected clock only (a `ManualClock` makes tests instant); batch calls have
///   no latency. An answer source that throws makes the call fail as `invalidRequest` (the unit fails).
/// - Batches live in memory: a handle from another process (a resumed run) polls as `expired`, so the
///   scheduler resubmits that chunk.
public final class MockProvider: LLMProvider {
    /// Computes the answer for a request; nil falls back to the response schema.
    public typealias AnswerSource = @Sendable (LLMRequest) throws -> Value?

    public let name: String
    public let settings: MockProviderSettings
    public let seed: Int
    private let clock: any RuntimeClock
    private let answerSource: AnswerSource?
    private let batches: MockBatchBook
    private let repeats = MockRepeatCounter()

    public init(name: String = "mock", settings: MockProviderSettings = MockProviderSettings(), seed: Int = 0,
                clock: any RuntimeClock = ContinuousRuntimeClock(), answerSource: AnswerSource? = nil) {
        self.name = name
        self.settings = settings
        self.seed = seed
        self.clock = clock
        self.answerSource = answerSource
        self.batches = MockBatchBook()
    }

    public func decision(for request: LLMRequest) -> MockDecision {
        MockDecision.decide(seed: seed, unitID: request.unitID, step: request.step, attempt: request.attempt,
                            settings: settings)
    }

    public func complete(_ request: LLMRequest) async throws(LLMProviderError) -> LLMResponse {
        let key = "\(request.unitID)|\(request.step)|\(request.attempt)"
        let decision = MockDecision.decide(seed: seed, unitID: request.unitID, step: request.step, attempt: request.attempt,
                                           repeat: repeats.current(key), settings: settings)
        if decision.latency > .zero {
            do { try await clock.sleep(for: decision.latency) } catch { throw .cancelled }
        } else if Task.isCancelled {
            throw .cancelled
        }
        do {
            let response = try answer(request, decision: decision)
            repeats.forget(key)
            return response
        } catch {
            repeats.increment(key)
            throw error
        }
    }

    /// The response (or error) for a request under a decision, without latency.
    func answer(_ request: LLMRequest, decision: MockDecision) throws(LLMProviderError) -> LLMResponse {
        if let failure = decision.failure { throw failure }
        var value: Value?
        if let answerSource {
            do { value = try answerSource(request) } catch {
                throw .invalidRequest("mock answer for unit '\(request.unitID)' at step '\(request.step)': \(error)")
            }
        }
        let answer = value ?? synthesizedAnswer(for: request)
        var text = JSONWriter.python(answer)
        if let malformation = decision.malformation { text = malformation.apply(to: text) }
        let inputBytes = request.prompt.utf8.count + (request.system?.utf8.count ?? 0)
        let usage = TokenUsage(inputTokens: Self.tokens(bytes: inputBytes), outputTokens: Self.tokens(bytes: text.utf8.count))
        return LLMResponse(text: text, usage: usage, finishReason: "stop", model: request.model)
    }

    /// An instance of the request's schema (seeded by seed, unit and step; not by attempt), or `{}`.
    public func synthesizedAnswer(for request: LLMRequest) -> Value {
        guard let schema = request.responseSchema else { return .object([:]) }
        let key = SeededGenerator.hash64("octobatch-mock-answer|\(seed)|\(request.unitID)|\(request.step)")
        return SchemaAnswerSynthesizer(seed: key).synthesize(schema)
    }

    /// ceil(bytes / 4).
    public static func tokens(bytes: Int) -> Int { (bytes + 3) / 4 }

    // MARK: Batch

    public func submitBatch(_ requests: [LLMRequest]) async throws(LLMProviderError) -> BatchHandle {
        if Task.isCancelled { throw .cancelled }
        guard !requests.isEmpty else { throw .invalidRequest("a batch needs at least one request") }
        let id = await batches.submit(requests, at: clock.now)
        return BatchHandle(provider: name, id: id, requestCount: requests.count)
    }

    public func pollBatch(_ handle: BatchHandle) async throws(LLMProviderError) -> BatchStatus {
        guard let entry = await batches.entry(handle.id) else {
            return BatchStatus(state: .expired, total: handle.requestCount,
                               message: "the mock provider keeps batches in memory; this one is gone (resubmit)")
        }
        let total = entry.requests.count
        if entry.cancelled { return BatchStatus(state: .cancelled, total: total) }
        let elapsed = clock.now - entry.submittedAt
        if elapsed < settings.batchDuration / 10 { return BatchStatus(state: .validating, total: total) }
        if elapsed < settings.batchDuration { return BatchStatus(state: .inProgress, total: total) }
        let failed = entry.requests.filter { decision(for: $0).failure != nil }.count
        return BatchStatus(state: .completed, total: total, completed: total - failed, failed: failed)
    }

    public func collectBatch(_ handle: BatchHandle) async throws(LLMProviderError) -> [BatchItemResult] {
        let status = try await pollBatch(handle)
        guard status.state == .completed, let entry = await batches.entry(handle.id) else {
            throw .invalidRequest("batch \(handle.id) is \(status.state.rawValue), not completed")
        }
        return entry.requests.map { request in
            let decision = decision(for: request)
            do throws(LLMProviderError) {
                return BatchItemResult(customID: request.unitID, result: .success(try answer(request, decision: decision)))
            } catch {
                return BatchItemResult(customID: request.unitID, result: .failure(error))
            }
        }
    }

    public func cancelBatch(_ handle: BatchHandle) async throws(LLMProviderError) {
        let elapsed = await batches.entry(handle.id).map { clock.now - $0.submittedAt }
        guard let elapsed else { throw .invalidRequest("unknown batch \(handle.id)") }
        if elapsed < settings.batchDuration { await batches.cancel(handle.id) }
    }
}

/// How many times each (unit, step, attempt) request failed in this process.
///
/// Invariant: a key is present only while its last send failed; thread-safe.
final class MockRepeatCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    func current(_ key: String) -> Int { lock.withLock { counts[key] ?? 0 } }
    func increment(_ key: String) { lock.withLock { counts[key, default: 0] += 1 } }
    func forget(_ key: String) { lock.withLock { _ = counts.removeValue(forKey: key) } }
}

/// The mock provider's in-memory batch jobs.
///
/// Invariants: ids are `mock_batch_<instance>_NNNNNN`: the instance part is random per provider instance, so
/// an id saved by an earlier process (whose batches are gone with it) can never name a batch of this one;
/// the counter runs in submission order. An entry's requests never change after submission.
actor MockBatchBook {
    /// One submitted batch; `submittedAt` is on the provider's clock.
    struct Entry: Sendable {
        var requests: [LLMRequest]
        var submittedAt: Duration
        var cancelled = false
    }

    private var entries: [String: Entry] = [:]
    private var counter = 0
    private let instance = String(UInt32.random(in: 0...UInt32.max), radix: 16)

    func submit(_ requests: [LLMRequest], at now: Duration) -> String {
        counter += 1
        let digits = String(counter)
        let id = "mock_batch_\(instance)_" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        entries[id] = Entry(requests: requests, submittedAt: now)
        return id
    }

    func entry(_ id: String) -> Entry? { entries[id] }

    func cancel(_ id: String) { entries[id]?.cancelled = true }
}
