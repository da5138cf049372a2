/// The answer of one successful LLM call.
///
/// Invariants: `text` is the model's raw text, unparsed (fence stripping and validation happen later, in
/// Runtime); `usage` holds the tokens the provider billed for this call; `model` is the model that answered
/// (it may differ from the requested alias).
public struct LLMResponse: Sendable, Equatable {
    public var text: String
    public var usage: TokenUsage
    public var finishReason: String?
    public var model: String

    public init(text: String, usage: TokenUsage, finishReason: String? = nil, model: String) {
        self.text = text
        self.usage = usage
        self.finishReason = finishReason
        self.model = model
    }
}
