import Basics
import Expressions
import JSONSchemaValidation
import Pipeline
import Providers
import Templates

/// One LLM step of one chunk: render, call (realtime or batch), record the raw answer, validate, retry the
/// failed units only.
///
/// Invariants: every paid answer is appended to `<step>_results.jsonl` (and flushed) before it is
/// validated; on resume a stored answer without a verdict is validated again instead of paying for it
/// twice; a unit gets at most `maxRetries(for: step) + 1` attempts; a stopped run leaves its unfinished units pending.
struct LLMStepRunner {
    let runner: ChunkRunner
    let step: PlannedStep
    let work: LLMWork
    /// Output tokens the schema implies, for cost-cap reservations (computed once per step, not per call).
    let expectedOutputTokens: Int

    init(runner: ChunkRunner, step: PlannedStep, work: LLMWork) {
        self.runner = runner
        self.step = step
        self.work = work
        expectedOutputTokens = CostEstimateRule.outputTokens(work.schemaDocument)
    }

    /// One unit to request: its input record and attempt number (0 = first).
    struct Item: Sendable {
        let unit: ValueObject
        let id: String
        let attempt: Int
    }

    enum Outcome: Sendable {
        case answered(Item, LLMResponse, reserved: Double)
        case stored(Item, text: String)
        case renderFailed(Item, String)
        case providerFailed(Item, LLMProviderError)
        case notRequested(Item)
    }

    var services: RunServices { runner.services }
    var session: RunSession { runner.session }
    var paths: ChunkPaths { runner.paths }

    /// Runs until every input is settled (true) or the run stops (false).
    func run(inputs: [ValueObject], state: inout ChunkState) async throws -> Bool {
        let outcomes = try StepOutcomes.load(validated: paths.validated(step.name), failures: paths.failures(step.name))
        let stored = try storedAnswers()
        var queue: [Item] = []
        var settled = (valid: 0, failed: 0)
        for unit in inputs {
            let id = unit["unit_id"]?.stringValue ?? ""
            if outcomes.validIDs.contains(id) { settled.valid += 1; continue }
            if let failure = outcomes.failures[id] {
                if failure.isFinal(maxRetries: services.maxRetries(for: step.name)) { settled.failed += 1; continue }
                queue.append(Item(unit: unit, id: id, attempt: failure.retryCount + 1))
            } else {
                queue.append(Item(unit: unit, id: id, attempt: 0))
            }
        }
        await session.setTotal(step.name, adding: inputs.count)
        await session.recordSettled(step: step.name, valid: settled.valid, failed: settled.failed)
        var feedback = step.config.retryFeedback ? try lastErrors() : [:]
        let writer = try OutcomeWriter(paths: paths, step: step.name)
        defer { writer.close() }
        while !queue.isEmpty {
            var round: [Outcome] = []
            var toCall: [Item] = []
            for item in queue {
                if let text = stored[item.id]?[item.attempt] { round.append(.stored(item, text: text)) } else { toCall.append(item) }
            }
            var next: [Item] = []
            for outcome in round {
                if let retry = try await record(outcome, writer: writer, feedback: &feedback) { next.append(retry) }
            }
            let finishedRound: Bool
            switch services.options.mode {
            case .realtime:
                finishedRound = try await realtimeRound(toCall, writer: writer, feedback: &feedback, next: &next)
            case .batch:
                finishedRound = try await BatchRound(runner: self).run(toCall, state: &state, writer: writer,
                                                                        feedback: &feedback, next: &next)
            }
            try writer.sync()
            let stopped = await session.isStopped
            if !finishedRound || stopped { return false }
            queue = next
        }
        return true
    }

    /// Calls every item concurrently (bounded by the provider's gate) and records each answer as it arrives.
    func realtimeRound(_ items: [Item], writer: OutcomeWriter, feedback: inout [String: [ValidationIssue]],
                       next: inout [Item]) async throws -> Bool {
        let prompts = try items.map { item in try renderPrompt(item, feedback: feedback[item.id]) }
        var completed = true
        try await withThrowingTaskGroup(of: Outcome.self) { group in
            for (item, prompt) in zip(items, prompts) {
                group.addTask {
                    switch prompt {
                    case .failure(let message): return .renderFailed(item, message)
                    case .success(let rendered): return await call(item, prompt: rendered)
                    }
                }
            }
            for try await outcome in group {
                if case .notRequested = outcome { completed = false }
                if let retry = try await record(outcome, writer: writer, feedback: &feedback) { next.append(retry) }
            }
        }
        return completed
    }

    enum Prompt: Sendable {
        case success(RenderedPrompt)
        case failure(String)
    }

    struct RenderedPrompt: Sendable {
        let text: String
        let system: String?
    }

    func renderPrompt(_ item: Item, feedback: [ValidationIssue]?) throws -> Prompt {
        do {
            let context = try runner.prompts.context(for: item.unit, step: step.name)
            var text = try work.template.render(context)
            let system = try work.systemTemplate?.render(context)
            if let feedback, !feedback.isEmpty, item.attempt > 0 {
                text += RetryFeedback.text(feedback)
            }
            return .success(RenderedPrompt(text: text, system: system))
        } catch let error as TemplateError {
            return .failure(error.description)
        } catch let error as ExpressionError {
            return .failure("processing.expressions: \(error.description)")
        }
    }

    func request(_ item: Item, prompt: RenderedPrompt) -> LLMRequest {
        let schema = work.resolution.provider == "mock" || step.config.structuredOutput ? work.schemaDocument : nil
        return LLMRequest(unitID: item.id, step: step.name, provider: work.resolution.provider,
                          model: work.resolution.model, prompt: prompt.text, system: prompt.system,
                          temperature: step.config.temperature,
                          maxTokens: step.config.maxTokens ?? runner.plan.config.api.maxTokens,
                          responseSchema: schema, attempt: item.attempt, mockContext: item.unit)
    }

    /// One realtime call with the provider's retries, under the gate, the token bucket and the cost cap.
    func call(_ item: Item, prompt: RenderedPrompt) async -> Outcome {
        let provider = work.resolution.provider
        guard let client = services.providers[provider], let gate = services.gates[provider],
              let limiter = services.limiters[provider] else {
            return .providerFailed(item, .fatal("no client for provider \(provider)"))
        }
        let request = self.request(item, prompt: prompt)
        let estimatedTokens = CostEstimateRule.inputTokens(prompt.text + (prompt.system ?? ""))
        let estimate = session.price(provider: provider, model: work.resolution.model,
                                     usage: TokenUsage(inputTokens: estimatedTokens,
                                                       outputTokens: expectedOutputTokens),
                                     batch: false) ?? 0
        guard await session.reserve(estimate) else { return .notRequested(item) }
        let started = services.clock.now
        func trace(_ status: String) {
            try? services.trace?.trace(TraceLog.apiLine(provider: provider, chunk: runner.chunk, unit: item.id,
                                                        elapsed: services.clock.now - started, status: status))
        }
        do {
            let response = try await gate.withPlace {
                try await services.retryPolicy.run(key: "\(item.id)|\(step.name)|\(item.attempt)", clock: services.clock) { _ throws(LLMProviderError) in
                    do { try await limiter.acquire(tokens: estimatedTokens) } catch { throw LLMProviderError.cancelled }
                    return try await CallDeadline.run(services.options.callTimeout, clock: services.clock) {
                        () async throws(LLMProviderError) -> LLMResponse in try await client.complete(request)
                    }
                }
            }
            trace("200")
            return .answered(item, response, reserved: estimate)
        } catch let error as LLMProviderError {
            trace(error.kind)
            await session.cancelReservation(estimate)
            if error == .cancelled { return .notRequested(item) }
            if case .fatal(let message) = error {
                await session.stop(.fatalProviderError(provider: provider, message: message))
                return .notRequested(item)
            }
            return .providerFailed(item, error)
        } catch {
            await session.cancelReservation(estimate)
            return .notRequested(item)
        }
    }
}
