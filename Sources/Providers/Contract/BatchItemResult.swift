/// One request's outcome in a collected batch.
///
/// Invariant: `customID` is the `unitID` of the request it answers.
public struct BatchItemResult: Sendable, Equatable {
    public var customID: String
    public var result: Result<LLMResponse, LLMProviderError>

    public init(customID: String, result: Result<LLMResponse, LLMProviderError>) {
        self.customID = customID
        self.result = result
    }

    public var response: LLMResponse? { try? result.get() }

    public var error: LLMProviderError? {
        if case .failure(let error) = result { return error }
        return nil
    }
}
