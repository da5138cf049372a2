/// The ways the mock provider garbles a well-formed JSON answer, modelled on real LLM mistakes.
///
/// Invariant: every variant still contains the original JSON text, so fence stripping / JSON extraction
/// can recover it (except `trailingComma`, which needs the lenient parser's repair).
public enum MockMalformation: Int, Sendable, CaseIterable {
    /// ```` ```json\n{…}\n``` ````
    case jsonFence
    /// `{"a": 1, }`: a trailing comma before the closing brace.
    case trailingComma
    /// `Here is the result:\n{…}\nLet me know …`
    case prose
    /// ```` ```javascript\n{…}\n``` ````: a fence with another language tag.
    case otherFence

    public func apply(to json: String) -> String {
        switch self {
        case .jsonFence:
            return "```json\n\(json)\n```"
        case .trailingComma:
            guard json.hasSuffix("}") else { return json + "," }
            return json.count > 2 ? json.dropLast() + ", }" : "{,}"
        case .prose:
            return "Here is the result you asked for:\n\(json)\nLet me know if you need anything else."
        case .otherFence:
            return "```javascript\n\(json)\n```"
        }
    }
}
