import Basics
import JSONSchemaValidation
import Pipeline
import Providers

extension LLMStepRunner {
    /// Writes one outcome (raw answer first, then its verdict) and returns the unit's next attempt when it
    /// failed in a way another attempt may fix and the budget allows.
    func record(_ outcome: Outcome, writer: OutcomeWriter,
                feedback: inout [String: [ValidationIssue]]) async throws -> Item? {
        switch outcome {
        case .answered(let item, let response, let reserved):
            try writer.result(Self.resultRecord(item, response))
            await session.book(step: step.name, provider: work.resolution.provider, model: response.model,
                               usage: response.usage, reserved: reserved, retry: item.attempt > 0)
            return try await verdict(item, text: response.text, metadata: Self.metadata(response), writer: writer,
                                     feedback: &feedback)
        case .stored(let item, let text):
            return try await verdict(item, text: text, metadata: nil, writer: writer, feedback: &feedback)
        case .renderFailed(let item, let message):
            try writer.failure(RuntimeFailure.record(
                unitID: item.id, stage: RuntimeFailure.render, step: step.name, input: item.unit, rawResponse: nil,
                errors: [ValidationIssue(path: "$", rule: "render", message: message)], retryCount: item.attempt))
            await session.recordOutcome(step: step.name, valid: false, final: true, retried: item.attempt > 0)
            return nil
        case .providerFailed(let item, let error):
            let retryable = error != .cancelled && !Self.isRequestRejection(error)
            try writer.failure(RuntimeFailure.record(
                unitID: item.id, stage: retryable ? RuntimeFailure.provider : "request_rejected", step: step.name,
                input: item.unit, rawResponse: nil,
                errors: [ValidationIssue(path: "$", rule: error.kind, message: error.description)],
                retryCount: item.attempt))
            let again = retryable && item.attempt < services.maxRetries(for: step.name)
            await session.recordOutcome(step: step.name, valid: false, final: !again, retried: item.attempt > 0)
            return again ? Item(unit: item.unit, id: item.id, attempt: item.attempt + 1) : nil
        case .notRequested:
            return nil
        }
    }

    static func isRequestRejection(_ error: LLMProviderError) -> Bool {
        if case .invalidRequest = error { return true }
        return false
    }

    /// Validates a stored or fresh answer and writes the valid record or the failure record.
    func verdict(_ item: Item, text: String, metadata: Value?, writer: OutcomeWriter,
                 feedback: inout [String: [ValidationIssue]]) async throws -> Item? {
        guard let validator = step.validator else { return nil }
        switch validator.validate(input: item.unit, rawAnswer: text, retryCount: item.attempt) {
        case .valid(let valid):
            var record = valid.record
            if let metadata { record["_metadata"] = metadata }
            try writer.valid(.object(record))
            await session.recordOutcome(step: step.name, valid: true, final: true, retried: item.attempt > 0)
            return nil
        case .failed(let failure):
            try writer.failure(failure.value)
            feedback[item.id] = failure.errors
            let again = failure.isRetryable && item.attempt < services.maxRetries(for: step.name)
            await session.recordOutcome(step: step.name, valid: false, final: !again, retried: item.attempt > 0)
            return again ? Item(unit: item.unit, id: item.id, attempt: item.attempt + 1) : nil
        }
    }

    /// `{unit_id, attempt, _raw_text, _metadata}`: the paid answer, kept before it is judged.
    static func resultRecord(_ item: Item, _ response: LLMResponse) -> Value {
        ["unit_id": .string(item.id), "attempt": .int(item.attempt), "_raw_text": .string(response.text),
         "_metadata": metadata(response)]
    }

    static func metadata(_ response: LLMResponse) -> Value {
        ["input_tokens": .int(response.usage.inputTokens), "output_tokens": .int(response.usage.outputTokens),
         "model": .string(response.model), "finish_reason": response.finishReason.map { .string($0.uppercased()) } ?? .null]
    }

    /// Answers already on disk with no verdict yet: unit id → attempt → raw text.
    func storedAnswers() throws -> [String: [Int: String]] {
        var stored: [String: [Int: String]] = [:]
        try JSONLScanner.forEachRecord(path: paths.results(step.name)) { record in
            guard let id = record["unit_id"]?.stringValue, let text = record["_raw_text"]?.stringValue else { return }
            stored[id, default: [:]][record["attempt"]?.intValue ?? 0] = text
        }
        return stored
    }

    /// The latest validation errors of each failed unit (for `retry_feedback`).
    func lastErrors() throws -> [String: [ValidationIssue]] {
        var errors: [String: [ValidationIssue]] = [:]
        try JSONLScanner.forEachRecord(path: paths.failures(step.name)) { record in
            guard let id = record["unit_id"]?.stringValue, case .array(let list)? = record["errors"] else { return }
            errors[id] = list.map {
                ValidationIssue(path: $0["path"]?.stringValue ?? "$", rule: $0["rule"]?.stringValue ?? "",
                                message: $0["message"]?.stringValue ?? "")
            }
        }
        return errors
    }
}

/// The appenders of one chunk step: raw answers, valid records, failure records.
///
/// Invariant: an answer is flushed to the results file before its verdict is written.
final class OutcomeWriter {
    let results: JSONLAppender
    let validated: JSONLAppender
    let failures: JSONLAppender

    init(paths: ChunkPaths, step: String) throws {
        results = try JSONLAppender(path: paths.results(step))
        validated = try JSONLAppender(path: paths.validated(step))
        failures = try JSONLAppender(path: paths.failures(step))
    }

    func result(_ record: Value) throws {
        try results.append(record)
        try results.flush()
    }

    func valid(_ record: Value) throws {
        try validated.append(record)
        try validated.flush()
    }

    func failure(_ record: Value) throws {
        try failures.append(record)
        try failures.flush()
    }

    func sync() throws {
        try results.sync()
        try validated.sync()
        try failures.sync()
    }

    func close() {
        try? results.close()
        try? validated.close()
        try? failures.close()
    }
}

/// The text appended to a retry prompt when the step has `retry_feedback: true`.
enum RetryFeedback {
    static func text(_ errors: [ValidationIssue]) -> String {
        var text = "\n\nYour previous answer was rejected:\n"
        for error in errors.prefix(10) { text += "- \(error.path): \(error.message)\n" }
        text += "Answer again with a corrected JSON object only."
        return text
    }
}

/// How a call's cost is estimated before it is made (for the cost cap): input tokens from the prompt's
/// UTF-8 size (4 bytes a token) and output tokens from the step's schema.
enum CostEstimateRule {
    static func inputTokens(_ text: String) -> Int { (text.utf8.count + 3) / 4 }

    static func outputTokens(_ schema: Value?) -> Int {
        let estimator = OutputSizeEstimator()
        return schema.map { estimator.tokens(for: $0) } ?? estimator.tokensWithoutSchema
    }
}
