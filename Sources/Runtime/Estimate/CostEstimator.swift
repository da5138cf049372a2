import Basics
import Expressions
import Pipeline
import Providers

/// Estimates a run's cost by running a few sample units through the plan offline: expression steps for
/// real, LLM steps answered by their `mock:` expressions or an instance of their schema, so every prompt is
/// rendered exactly as the run would render it.
///
/// Invariant: makes no network call and writes nothing; samples whose upstream steps fail are skipped.
public enum CostEstimator {
    public static func estimate(plan: ExecutionPlan, unitCount: Int, registry: ModelRegistry,
                                sampleSize: Int = 20) throws -> CostEstimate {
        let items = try PipelineLoader.items(of: plan.pipeline)
        var samples: [ValueObject] = []
        try UnitGenerator(spec: plan.generation).forEachUnit(items: items, maxUnits: sampleSize) { samples.append($0) }
        let prompts = PromptContext(plan: plan)
        let answers = MockAnswers.source(for: plan)
        var inputTokens: [String: [Int]] = [:]
        for unit in samples {
            var after: [String: ValueObject] = [:]
            for step in plan.orderedSteps {
                guard let input = StepInput.record(for: step, unit: unit, after: after) else { continue }
                switch step.work {
                case .expression(let work):
                    after[step.name] = try? work.run(unit: input)
                case .fanOut(let field, let childField):
                    if case .array(let elements)? = input[field], let first = elements.first {
                        var child = input
                        child[childField] = first
                        after[step.name] = child
                    }
                case .llm(let work):
                    guard let context = try? prompts.context(for: input, step: step.name),
                          let prompt = try? work.template.render(context) else { continue }
                    let system = (try? work.systemTemplate?.render(context)) ?? nil
                    inputTokens[step.name, default: []].append(CostEstimateRule.inputTokens(prompt + (system ?? "")))
                    let request = LLMRequest(unitID: input["unit_id"]?.stringValue ?? "", step: step.name,
                                             provider: "mock", model: "mock", prompt: prompt,
                                             responseSchema: work.schemaDocument, mockContext: input)
                    var answer = ((try? answers(request)) ?? nil)?.objectValue
                    if answer == nil, let schema = work.schemaDocument {
                        answer = SchemaAnswerSynthesizer(seed: 1).synthesize(schema).objectValue
                    }
                    after[step.name] = input.merging(answer ?? [:])
                }
            }
        }
        var steps: [CostEstimate.Step] = []
        var afterFanOut = Set<String>()
        for step in plan.orderedSteps {
            if case .fanOut = step.work { afterFanOut.insert(step.name) }
            if step.dependencies.contains(where: afterFanOut.contains) { afterFanOut.insert(step.name) }
            guard case .llm(let work) = step.work else { continue }
            let samplesOfStep = inputTokens[step.name] ?? []
            // No sample reached the step (an earlier step rejected the offline answers): the template's own size.
            let perUnitIn = samplesOfStep.isEmpty ? CostEstimateRule.inputTokens(work.template.source)
                : samplesOfStep.reduce(0, +) / samplesOfStep.count
            let perUnitOut = CostEstimateRule.outputTokens(work.schemaDocument)
            let usage = TokenUsage(inputTokens: perUnitIn * unitCount, outputTokens: perUnitOut * unitCount)
            let r = work.resolution
            steps.append(CostEstimate.Step(
                step: step.name, provider: r.provider, model: r.model, units: unitCount,
                inputTokensPerUnit: perUnitIn, outputTokensPerUnit: perUnitOut,
                realtimeUSD: registry.cost(provider: r.provider, model: r.model, usage: usage, batch: false),
                batchUSD: registry.cost(provider: r.provider, model: r.model, usage: usage, batch: true),
                lowerBound: afterFanOut.contains(step.name)))
        }
        return CostEstimate(steps: steps, sampleSize: samples.count)
    }
}
