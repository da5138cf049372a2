import Basics

extension ManifestSnapshot.Metadata {
    /// The base retry budget the run was last executed with (metadata extra `max_retries`; 5 before the
    /// first execution).
    public var recordedMaxRetries: Int { extra["max_retries"]?.intValue ?? 5 }

    /// Extra retries per step granted by `octobatch retry` (metadata extra `retry_bonus: {step: n}`).
    ///
    /// Invariant: values are non-negative; a step's budget is `max_retries + retry_bonus[step]`, for every
    /// run after the bonus was recorded (`RunServices.maxRetries(for:)`).
    public var retryBonus: [String: Int] {
        get {
            guard let object = extra["retry_bonus"]?.objectValue else { return [:] }
            var bonus: [String: Int] = [:]
            for (step, value) in object { if let n = value.intValue, n > 0 { bonus[step] = n } }
            return bonus
        }
        set {
            let entries = newValue.filter { $0.value > 0 }.sorted { $0.key < $1.key }
            extra["retry_bonus"] = entries.isEmpty ? nil : .object(ValueObject(entries.map { ($0.key, Value.int($0.value)) }))
        }
    }

    /// The budget of one step under the recorded base and bonus.
    public func retryBudget(for step: String) -> Int { recordedMaxRetries + (retryBonus[step] ?? 0) }
}
