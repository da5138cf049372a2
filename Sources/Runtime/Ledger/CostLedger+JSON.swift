import Basics
import Providers

extension CostLedger {
    /// `{"entries": [{step, provider, model, mode, phase, requests, input_tokens, output_tokens, cost}],
    /// "known_cost", "total_cost", "unpriced"}`.
    public var value: Value {
        let entries: [Value] = keys.compactMap { key in
            guard let line = lines[key] else { return nil }
            return ["step": .string(key.step), "provider": .string(key.provider), "model": .string(key.model),
                    "mode": .string(key.mode.rawValue), "phase": .string(key.phase.rawValue), "requests": .int(line.requests),
                    "input_tokens": .int(line.usage.inputTokens), "output_tokens": .int(line.usage.outputTokens),
                    "cost": line.cost.map(Value.double) ?? .null]
        }
        return ["entries": .array(entries), "known_cost": .double(knownCost),
                "total_cost": totalCost.map(Value.double) ?? .null,
                "unpriced": .array(unpricedModels.map(Value.string))]
    }

    public init(value: Value) throws(CostLedgerError) {
        self.init()
        guard let entries = value["entries"]?.arrayValue else { throw CostLedgerError(reason: "missing entries") }
        for entry in entries {
            guard let step = entry["step"]?.stringValue, let provider = entry["provider"]?.stringValue,
                  let model = entry["model"]?.stringValue,
                  let mode = entry["mode"]?.stringValue.flatMap(Mode.init(rawValue:)),
                  let phase = entry["phase"]?.stringValue.flatMap(Phase.init(rawValue:)) else {
                throw CostLedgerError(reason: "bad entry \(JSONWriter.python(entry).prefix(200))")
            }
            let usage = TokenUsage(inputTokens: entry["input_tokens"]?.intValue ?? 0,
                                   outputTokens: entry["output_tokens"]?.intValue ?? 0)
            let cost: Double? = entry["cost"].flatMap { $0 == .null ? nil : $0.numberValue }
            record(LineKey(step: step, provider: provider, model: model, mode: mode, phase: phase), usage: usage,
                   requests: entry["requests"]?.intValue ?? 0, cost: cost)
        }
    }
}

/// A stored ledger that cannot be read back.
public struct CostLedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var description: String { "bad cost ledger: \(reason)" }
}
