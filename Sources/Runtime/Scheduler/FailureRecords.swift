import Basics
import JSONSchemaValidation

/// Failure records for the stages the scheduler itself detects (the validator builds the others).
///
/// Invariant: same fields and order as `FailureRecord.value` (`unit_id, failure_stage, step, input,
/// raw_response, errors, retry_count`, then the input's public keys), so every failure file reads alike.
enum RuntimeFailure {
    /// An expression step failed for this unit: deterministic, so final.
    static let expression = "expression"
    /// The prompt template failed for this unit (e.g. a missing field): our side, final.
    static let render = "render"
    /// The provider call failed after its own retries: another attempt may succeed.
    static let provider = "provider_error"

    static func record(unitID: String, stage: String, step: String, input: ValueObject, rawResponse: String?,
                       errors: [ValidationIssue], retryCount: Int) -> Value {
        var object = ValueObject(minimumCapacity: 8 + input.count)
        object["unit_id"] = .string(unitID)
        object["failure_stage"] = .string(stage)
        object["step"] = .string(step)
        object["input"] = .object(input)
        object["raw_response"] = rawResponse.map(Value.string) ?? .null
        object["errors"] = .array(errors.map(\.value))
        object["retry_count"] = .int(retryCount)
        for (key, value) in input where !key.hasPrefix("_") && !object.contains(key) { object[key] = value }
        return .object(object)
    }
}
