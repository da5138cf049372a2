import Basics

/// Where in the answer's journey a unit failed.
///
/// Invariant: `parse`, `schemaValidation` and `validation` are the model's faults and retryable; anything
/// else (`pipelineInternal`) is ours and never retried as if the model had erred.
public enum FailureStage: String, Sendable, Hashable {
    case parse
    case schemaValidation = "schema_validation"
    case validation
    case pipelineInternal = "pipeline_internal"

    public var isRetryable: Bool { self != .pipelineInternal }
}

/// A line of `<step>_failures.jsonl`.
///
/// Invariants: written with the fields `unit_id, failure_stage, step, input, raw_response, errors,
/// retry_count` in that order, `input` being the step input record (not the merged answer), followed —
/// as the Python tool does — by the step input's non-underscore keys that are not already present
/// (`scenario_name`, `strategy_name` …) so reports can group failures.
public struct FailureRecord: Sendable, Equatable {
    public var unitID: Value
    public var stage: FailureStage
    public var step: String
    public var input: ValueObject
    public var rawResponse: String
    public var errors: [ValidationIssue]
    public var retryCount: Int

    public init(unitID: Value, stage: FailureStage, step: String, input: ValueObject, rawResponse: String,
                errors: [ValidationIssue], retryCount: Int) {
        self.unitID = unitID
        self.stage = stage
        self.step = step
        self.input = input
        self.rawResponse = rawResponse
        self.errors = errors
        self.retryCount = retryCount
    }

    public var isRetryable: Bool { stage.isRetryable }

    public var value: Value {
        var object = ValueObject(minimumCapacity: 8 + input.count)
        object["unit_id"] = unitID
        object["failure_stage"] = .string(stage.rawValue)
        object["step"] = .string(step)
        object["input"] = .object(input)
        object["raw_response"] = .string(rawResponse)
        object["errors"] = .array(errors.map(\.value))
        object["retry_count"] = .int(retryCount)
        for (key, value) in input where !key.hasPrefix("_") && !object.contains(key) {
            object[key] = value
        }
        return .object(object)
    }
}
