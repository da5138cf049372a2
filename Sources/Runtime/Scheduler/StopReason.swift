/// Why a run stopped before finishing. Every reason leaves unfinished units pending and resumable.
public enum StopReason: Sendable, Equatable, CustomStringConvertible {
    /// The next call would have crossed the cost cap.
    case costCap(limitUSD: Double)
    /// `--timeout` elapsed.
    case timeout
    /// SIGINT/SIGTERM.
    case interrupted
    /// The provider refused for good (bad key, billing, quota): nothing more can succeed.
    case fatalProviderError(provider: String, message: String)

    public var description: String {
        switch self {
        case .costCap(let limit): return "the next call would cross the cost cap of $\(limit)"
        case .timeout: return "the time limit was reached"
        case .interrupted: return "interrupted"
        case .fatalProviderError(let provider, let message): return "\(provider) refused the request: \(message)"
        }
    }
}
