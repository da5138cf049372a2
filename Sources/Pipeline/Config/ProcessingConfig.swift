/// The `processing` section: how items become units and chunks.
///
/// Invariants: `chunkSize >= 1`, `repeatCount >= 1`; `itemsSource` is relative to the config's folder.
public struct ProcessingConfig: Sendable, Equatable {
    public var generation: UnitGenerationSpec
    public var chunkSize: Int
    public var itemsSource: String?
    /// Per-unit expressions evaluated before every LLM step's rendering (not persisted).
    public var expressions: [NamedSource] = []
    /// `validation_retry.max_attempts`: the unit retry budget when `--max-retries` is not given
    /// (the Python tool ignores it; we honour it).
    public var validationRetryMaxAttempts: Int?

    public init(generation: UnitGenerationSpec, chunkSize: Int, itemsSource: String?) {
        self.generation = generation
        self.chunkSize = chunkSize
        self.itemsSource = itemsSource
    }
}
