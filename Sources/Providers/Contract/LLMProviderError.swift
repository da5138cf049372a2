/// Why a provider call failed, classified by what the caller should do next.
///
/// Invariants: messages never contain API keys (`SecretRedactor` is applied when errors are built from
/// server text); `isRetryable` is true exactly for `rateLimited`, `transient` and `timeout`; `fatal`
/// means the whole run must stop (bad key, billing, exhausted quota, unknown model), `invalidRequest`
/// means only this unit fails.
public enum LLMProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 429 (or an overload with a server-requested wait): retry after `retryAfter` when given.
    case rateLimited(retryAfter: Duration?)
    /// 5xx, 529, 408, 409, connection failures: retry with backoff.
    case transient(String)
    /// 401/403/402, billing, quota: stop the run.
    case fatal(String)
    /// 400/413/422 and similar: this unit's request is wrong; do not retry it as is.
    case invalidRequest(String)
    /// No answer within the deadline.
    case timeout
    /// The calling task was cancelled.
    case cancelled

    public var isRetryable: Bool {
        switch self {
        case .rateLimited, .transient, .timeout: return true
        case .fatal, .invalidRequest, .cancelled: return false
        }
    }

    /// The wait the server asked for, if any.
    public var retryAfter: Duration? {
        if case .rateLimited(let wait) = self { return wait }
        return nil
    }

    /// A short stable name for logs and the trace (`RATE_LIMIT`, `API_ERROR`, …).
    public var kind: String {
        switch self {
        case .rateLimited: return "RATE_LIMIT"
        case .transient: return "API_ERROR"
        case .fatal: return "FATAL"
        case .invalidRequest: return "INVALID_REQUEST"
        case .timeout: return "TIMEOUT"
        case .cancelled: return "CANCELLED"
        }
    }

    public var description: String {
        switch self {
        case .rateLimited(let wait):
            guard let wait else { return "rate limited" }
            return "rate limited (retry after \(Self.seconds(wait)))"
        case .transient(let message): return "transient provider error: \(message)"
        case .fatal(let message): return "fatal provider error: \(message)"
        case .invalidRequest(let message): return "invalid request: \(message)"
        case .timeout: return "the provider did not answer in time"
        case .cancelled: return "cancelled"
        }
    }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return "\(value)s"
    }
}
