import Basics

/// The whole validation of one LLM answer for one step, in process and record by record:
/// parse the raw text → merge `{**input, **parsed, _raw_text}` → coerce + JSON Schema (phase 1) →
/// rules (phase 2) → a valid record or a failure record.
///
/// Invariants: built once per step from an already compiled schema and rules (so an invalid schema or
/// rule is a load-time diagnostic, never a model failure); with no schema only phase 2 runs, with no
/// rules only phase 1 (K14); the *coerced* record is the one passed on (K6); non-finite numbers are
/// refused (`schema_non_finite_number`). Sendable and immutable: one instance serves concurrent callers.
public struct StepAnswerValidator: Sendable {
    public let step: String
    public let schema: JSONSchema?
    public let rules: StepRules?
    let coercer: SchemaCoercer?

    public init(step: String, schema: JSONSchema?, rules: StepRules?) {
        self.step = step
        self.schema = schema
        self.rules = rules
        self.coercer = schema.map { SchemaCoercer(schema: $0) }
    }

    /// A passed answer: the record to write, what the coercion changed, and the rule warnings
    /// (already embedded in `record` as `_warnings` when there are any).
    public struct Valid: Sendable, Equatable {
        public var record: ValueObject
        public var coercions: [Coercion]
        public var warnings: [ValidationIssue]
    }

    /// Exactly one of: the record to write, or the failure record to write.
    public enum Outcome: Sendable, Equatable {
        case valid(Valid)
        case failed(FailureRecord)
    }

    public func validate(input: ValueObject, rawAnswer: String, retryCount: Int = 0) -> Outcome {
        func failure(_ stage: FailureStage, _ errors: [ValidationIssue]) -> Outcome {
            .failed(FailureRecord(unitID: input["unit_id"] ?? .null, stage: stage, step: step, input: input,
                                  rawResponse: rawAnswer, errors: errors, retryCount: retryCount))
        }
        let parsed: ValueObject
        switch ResponseParser.parse(rawAnswer) {
        case .failure(let error):
            return failure(.parse, [ValidationIssue(path: "$", rule: "parse", message: error.message)])
        case .success(let result):
            guard case .object(let object) = result.value else {
                return failure(.parse, [ValidationIssue(path: "$", rule: "parse",
                                                        message: "LLM response is a JSON array, not an object")])
            }
            parsed = object
        }
        var record = ValueObject(minimumCapacity: input.count + parsed.count + 1)
        record.merge(input)
        record.merge(parsed)
        // An answer cannot re-key the record: the unit's own id wins over an echoed or invented one.
        if let unitID = input["unit_id"] { record["unit_id"] = unitID }
        record["_raw_text"] = .string(rawAnswer)
        var coercions: [Coercion] = []
        if let coercer {
            let (coerced, log) = coercer.coerce(.object(record))
            coercions = log
            if case .object(let object) = coerced { record = object }
        }
        var errors = NonFiniteScan.paths(in: .object(record)).map { found in
            ValidationIssue(path: found.path, rule: "schema_non_finite_number",
                            message: "Non-finite number \(Value.double(found.value).pythonRepr) is not allowed")
        }
        if let schema, !schema.isValid(.object(record)) {
            // Each error, then the branch errors of a failed anyOf/oneOf, as the Python tool lists them.
            func flatten(_ error: SchemaValidationError) -> [ValidationIssue] {
                [ValidationIssue(path: error.instancePath, rule: "schema_" + error.keyword, message: error.message)]
                    + error.context.flatMap(flatten)
            }
            errors += schema.validate(.object(record)).flatMap(flatten)
        }
        if !errors.isEmpty { return failure(.schemaValidation, errors) }
        var warnings: [ValidationIssue] = []
        if let rules {
            let outcome = rules.check(record)
            if !outcome.isValid { return failure(.validation, outcome.errors) }
            warnings = outcome.warnings
            if !warnings.isEmpty { record["_warnings"] = .array(warnings.map(\.value)) }
        }
        return .valid(Valid(record: record, coercions: coercions, warnings: warnings))
    }
}
