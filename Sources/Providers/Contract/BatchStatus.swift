/// The state of a batch job as last polled.
///
/// Invariants: `completed + failed <= total`; `state.isTerminal` is true for completed, failed, expired
/// and cancelled, after which the state never changes; results can be collected only after `completed`
/// (and, for the partial results some providers keep, after `expired` or `cancelled`).
public struct BatchStatus: Sendable, Equatable {
    /// The providers' batch states, normalised (raw values are the OpenAI spellings).
    public enum State: String, Sendable, Equatable, CaseIterable {
        case validating
        case inProgress = "in_progress"
        case completed
        case failed
        case expired
        case cancelled

        public var isTerminal: Bool {
            switch self {
            case .validating, .inProgress: return false
            case .completed, .failed, .expired, .cancelled: return true
            }
        }
    }

    public var state: State
    public var total: Int
    /// Requests that finished successfully so far.
    public var completed: Int
    /// Requests that finished with an error so far.
    public var failed: Int
    /// The provider's explanation for `failed`/`expired`, if any.
    public var message: String?

    public init(state: State, total: Int, completed: Int = 0, failed: Int = 0, message: String? = nil) {
        self.state = state
        self.total = total
        self.completed = completed
        self.failed = failed
        self.message = message
    }

    /// `state:completed/total`, the Python tool's poll-cache key (a POLL line is logged when it changes).
    public var progressKey: String { "\(state.rawValue):\(completed + failed)/\(total)" }
}
