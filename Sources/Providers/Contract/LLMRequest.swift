import Basics

/// One call to an LLM for one unit at one step.
///
/// Invariants: `unitID` is the batch custom id and must be unique within a batch; `attempt` is 0 for the
/// first call of a unit at a step and grows by one per retry (the mock provider's decisions depend on it,
/// so a retry can succeed where the first attempt failed); `mockContext` is read only by the mock provider
/// and never sent over the wire.
public struct LLMRequest: Sendable, Equatable {
    public var unitID: String
    public var step: String
    public var provider: String
    public var model: String
    public var prompt: String
    public var system: String?
    public var temperature: Double?
    public var maxTokens: Int?
    /// A JSON Schema for structured output, when the step asks for it.
    public var responseSchema: Value?
    /// 0 for the first attempt, then 1, 2, … for retries.
    public var attempt: Int
    /// The unit record, for the offline mock provider's answer expressions.
    public var mockContext: ValueObject?

    public init(unitID: String, step: String, provider: String, model: String, prompt: String,
                system: String? = nil, temperature: Double? = nil, maxTokens: Int? = nil,
                responseSchema: Value? = nil, attempt: Int = 0, mockContext: ValueObject? = nil) {
        self.unitID = unitID
        self.step = step
        self.provider = provider
        self.model = model
        self.prompt = prompt
        self.system = system
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.responseSchema = responseSchema
        self.attempt = attempt
        self.mockContext = mockContext
    }

    /// The same request for the next attempt.
    public func retried() -> LLMRequest {
        var copy = self
        copy.attempt += 1
        return copy
    }
}
