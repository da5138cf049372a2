import Basics

/// What a run is expected to cost, per LLM step and in total, before anything is spent.
///
/// Invariants: token figures are per unit averages over rendered sample prompts (input) and the size the
/// step's schema implies (output); a cost is nil when the model has no known price; `lowerBound` marks steps
/// after a fan-out, whose unit count is only known at run time (at least one child per parent is assumed).
public struct CostEstimate: Sendable {
    public struct Step: Sendable {
        public var step: String
        public var provider: String
        public var model: String
        public var units: Int
        public var inputTokensPerUnit: Int
        public var outputTokensPerUnit: Int
        public var realtimeUSD: Double?
        public var batchUSD: Double?
        public var lowerBound: Bool
    }

    public var steps: [Step]
    public var sampleSize: Int

    public var realtimeUSD: Double? { total(\.realtimeUSD) }
    public var batchUSD: Double? { total(\.batchUSD) }
    public var lowerBound: Bool { steps.contains { $0.lowerBound } }

    func total(_ key: KeyPath<Step, Double?>) -> Double? {
        var sum = 0.0
        for step in steps {
            guard let cost = step[keyPath: key] else { return nil }
            sum += cost
        }
        return sum
    }

    public var value: Value {
        .object([
            "sample_units": .int(sampleSize),
            "steps": .array(steps.map { s in
                [
                    "step": .string(s.step), "provider": .string(s.provider), "model": .string(s.model),
                    "units": .int(s.units), "input_tokens_per_unit": .int(s.inputTokensPerUnit),
                    "output_tokens_per_unit": .int(s.outputTokensPerUnit),
                    "realtime_usd": s.realtimeUSD.map(Value.double) ?? .null,
                    "batch_usd": s.batchUSD.map(Value.double) ?? .null, "lower_bound": .bool(s.lowerBound),
                ]
            }),
            "realtime_usd": realtimeUSD.map(Value.double) ?? .null,
            "batch_usd": batchUSD.map(Value.double) ?? .null,
            "lower_bound": .bool(lowerBound),
        ])
    }
}
