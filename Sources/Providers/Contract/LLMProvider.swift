/// A way to call an LLM: realtime (one request, one answer) and batch (submit many, poll, collect).
///
/// Invariants every implementation keeps:
/// - Errors are typed `LLMProviderError`; cancellation of the calling task surfaces as `.cancelled`.
/// - `collectBatch` returns exactly one `BatchItemResult` per submitted request, matched by `customID`
///   (= the request's `unitID`); a request the provider lost is reported as an error result, never
///   silently dropped (reference K5).
/// - No method writes API keys into errors, handles or logs.
public protocol LLMProvider: Sendable {
    /// The provider's registry name (`openai`, `anthropic`, `gemini`, `mock`).
    var name: String { get }

    /// One realtime call.
    func complete(_ request: LLMRequest) async throws(LLMProviderError) -> LLMResponse

    /// Submits requests as one batch job; the handle is persisted in the run directory.
    func submitBatch(_ requests: [LLMRequest]) async throws(LLMProviderError) -> BatchHandle

    /// The batch's current state and counts.
    func pollBatch(_ handle: BatchHandle) async throws(LLMProviderError) -> BatchStatus

    /// Every request's result once the batch has completed.
    func collectBatch(_ handle: BatchHandle) async throws(LLMProviderError) -> [BatchItemResult]

    /// Asks the provider to stop the batch (results already produced may still be collected).
    func cancelBatch(_ handle: BatchHandle) async throws(LLMProviderError)
}
