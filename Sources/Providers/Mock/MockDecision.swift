import Basics

/// What the mock provider does with one request: a pure function of (seed, unit, step, attempt, repeat).
///
/// Invariants: the same inputs always give the same decision (re-running a run reproduces it); `attempt`
/// and `repeat` (how many times this exact request was sent before in this process) are part of the key,
/// so a retry is an independent draw and may succeed; `repeat == 0` uses the key without a repeat suffix;
/// a failing call is never also malformed.
public struct MockDecision: Sendable, Equatable {
    public var failure: LLMProviderError?
    public var malformation: MockMalformation?
    public var latency: Duration

    public init(failure: LLMProviderError?, malformation: MockMalformation?, latency: Duration) {
        self.failure = failure
        self.malformation = malformation
        self.latency = latency
    }

    public static func decide(seed: Int, unitID: String, step: String, attempt: Int, repeat: Int = 0,
                              settings: MockProviderSettings) -> MockDecision {
        let suffix = `repeat` > 0 ? "|r\(`repeat`)" : ""
        let u = SeededGenerator.fractions("octobatch-mock|\(seed)|\(unitID)|\(step)|\(attempt)" + suffix)
        let latency = Duration.microseconds(Int64((max(settings.latencyMilliseconds, 0) * 1000 * (0.5 + u[2])).rounded()))
        if u[0] < clamp(settings.failureRate) {
            // u[0] / failureRate is uniform in [0, 1) given a failure.
            let share = u[0] / clamp(settings.failureRate)
            let failure: LLMProviderError = share < clamp(settings.rateLimitedShare)
                ? .rateLimited(retryAfter: settings.rateLimitRetryAfter)
                : .transient("HTTP 503: mock provider: simulated overload")
            return MockDecision(failure: failure, malformation: nil, latency: latency)
        }
        var malformation: MockMalformation?
        if u[1] < clamp(settings.malformedRate) {
            let index = Int(u[3] * Double(MockMalformation.allCases.count))
            malformation = MockMalformation(rawValue: min(index, MockMalformation.allCases.count - 1))
        }
        return MockDecision(failure: nil, malformation: malformation, latency: latency)
    }

    private static func clamp(_ rate: Double) -> Double { rate.isNaN ? 0 : min(max(rate, 0), 1) }
}
