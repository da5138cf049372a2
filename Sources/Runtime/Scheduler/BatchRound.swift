import Basics
import JSONSchemaValidation
import Providers

/// One batch-mode round of an LLM step in one chunk: submit (or resume) a batch job, poll it, collect it.
///
/// Invariants: the batch handle is saved in the chunk's state before anything else happens, so a crash or
/// interrupt never submits the same requests twice — the next run polls the saved job; a stop while the job
/// runs leaves it in flight (the step stays in progress).
struct BatchRound {
    let runner: LLMStepRunner

    var services: RunServices { runner.services }
    var session: RunSession { runner.session }
    var step: String { runner.step.name }

    func run(_ items: [LLMStepRunner.Item], state: inout ChunkState, writer: OutcomeWriter,
             feedback: inout [String: [ValidationIssue]], next: inout [LLMStepRunner.Item]) async throws -> Bool {
        // A job the provider failed, expired or lost is submitted again, a bounded number of times.
        for _ in 0...services.maxRetries(for: step) {
            switch try await attempt(items, state: &state, writer: writer, feedback: &feedback, next: &next) {
            case .finished: return true
            case .stopped: return false
            case .jobLost: continue
            }
        }
        await session.log("BATCH", "\(runner.runner.chunk) \(step): the provider failed the batch \(services.maxRetries(for: step) + 1) times; its units stay pending")
        return false
    }

    enum RoundEnd { case finished, stopped, jobLost }

    func attempt(_ items: [LLMStepRunner.Item], state: inout ChunkState, writer: OutcomeWriter,
                 feedback: inout [String: [ValidationIssue]], next: inout [LLMStepRunner.Item]) async throws -> RoundEnd {
        let provider = runner.work.resolution.provider
        guard let client = services.providers[provider] else { return .stopped }
        let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var handle = state[step].batch
        var reserved = 0.0
        /// Units whose prompt failed to render this round (recorded already; never part of the batch).
        var renderedFailures = Set<String>()
        if handle == nil {
            var requests: [LLMRequest] = []
            for item in items {
                switch try runner.renderPrompt(item, feedback: feedback[item.id]) {
                case .failure(let message):
                    renderedFailures.insert(item.id)
                    _ = try await runner.record(.renderFailed(item, message), writer: writer, feedback: &feedback)
                case .success(let prompt):
                    let request = runner.request(item, prompt: prompt)
                    let usage = TokenUsage(inputTokens: CostEstimateRule.inputTokens(prompt.text),
                                           outputTokens: runner.expectedOutputTokens)
                    reserved += session.price(provider: provider, model: runner.work.resolution.model,
                                              usage: usage, batch: true) ?? 0
                    requests.append(request)
                }
            }
            guard !requests.isEmpty else { return .finished }
            guard await session.reserve(reserved) else { return .stopped }
            do {
                handle = try await client.submitBatch(requests)
            } catch {
                await session.cancelReservation(reserved)
                if case .fatal(let message) = error {
                    await session.stop(.fatalProviderError(provider: provider, message: message))
                }
                await session.log("BATCH", "\(step): submit failed: \(error)")
                return .stopped
            }
            state[step].batch = handle
            try runner.runner.store.writeState(state)
            await session.log("SUBMIT", "\(runner.runner.chunk) \(step): batch \(handle?.id ?? "") with \(requests.count) requests")
        }
        guard let job = handle else { return .stopped }
        var final: BatchStatus
        while true {
            try Task.checkCancellation()
            if await session.isStopped { return .stopped }
            let status: BatchStatus
            do {
                status = try await client.pollBatch(job)
            } catch {
                await session.log("POLL", "\(step): \(error); polling again")
                try await services.clock.sleep(for: services.pollInterval)
                continue
            }
            if status.state.isTerminal {
                final = status
                break
            }
            try await services.clock.sleep(for: services.pollInterval)
        }
        if final.state != .completed {
            await session.cancelReservation(reserved)
            await session.log("BATCH", "\(runner.runner.chunk) \(step): batch \(job.id) \(final.state.rawValue)\(final.message.map { ": " + $0 } ?? ""); submitting again")
            state[step].batch = nil
            try runner.runner.store.writeState(state)
            return .jobLost
        }
        let results = try await collect(client, job)
        await session.cancelReservation(reserved)
        var answered = Set<String>()
        for result in results {
            // A result for a unit this round did not ask about (or a second one for the same unit) is ignored.
            guard let item = byID[result.customID], answered.insert(result.customID).inserted else { continue }
            let outcome: LLMStepRunner.Outcome
            switch result.result {
            case .success(let response): outcome = .answered(item, response, reserved: 0)
            case .failure(let error): outcome = .providerFailed(item, error)
            }
            if let retry = try await runner.record(outcome, writer: writer, feedback: &feedback) { next.append(retry) }
        }
        // A unit the batch returned nothing for is not dropped: it fails this attempt (retryable, so it is
        // asked again within its retry budget) and the failure says why.
        let unanswered = items.filter { !answered.contains($0.id) && !renderedFailures.contains($0.id) }
        if !unanswered.isEmpty {
            await session.log("BATCH", "\(runner.runner.chunk) \(step): batch \(job.id) returned no result for \(unanswered.count) of its units; they count as failed attempts")
        }
        for item in unanswered {
            let error = LLMProviderError.transient("batch \(job.id) returned no result for this unit")
            if let retry = try await runner.record(.providerFailed(item, error), writer: writer, feedback: &feedback) {
                next.append(retry)
            }
        }
        state[step].batch = nil
        try runner.runner.store.writeState(state)
        return .finished
    }

    func collect(_ client: any LLMProvider, _ job: BatchHandle) async throws -> [BatchItemResult] {
        var attempts = 0
        while true {
            do {
                return try await client.collectBatch(job)
            } catch {
                attempts += 1
                if attempts >= 5 { throw error }
                try await services.clock.sleep(for: services.pollInterval)
            }
        }
    }
}
