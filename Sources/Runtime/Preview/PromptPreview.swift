import Basics
import Expressions
import Pipeline
import Templates

/// The exact prompt one unit would get at one LLM step, computed offline (`octobatch render PIPELINE --step S`).
///
/// Invariants: earlier expression steps are evaluated for real (same seeds as a run); a fan-out takes the
/// unit's first child; fields that only earlier LLM steps produce come from `answers` (the user's
/// `--context`), and a render that needs one that is missing fails naming the step that produces it.
public enum PromptPreview {
    public enum Failure: Error, CustomStringConvertible {
        case notAnLLMStep(String, llmSteps: [String])
        case unknownUnit(String, example: String?)
        case upstreamFailed(step: String, message: String)
        case render(TemplateError, missingFrom: String?)

        public var description: String {
            switch self {
            case .notAnLLMStep(let step, let steps):
                return "'\(step)' is not an LLM step of the pipeline (LLM steps: \(steps.joined(separator: ", ")))"
            case .unknownUnit(let id, let example):
                return "no unit '\(id)'" + (example.map { " (units look like '\($0)')" } ?? "")
            case .upstreamFailed(let step, let message):
                return "step '\(step)' fails for this unit: \(message)"
            case .render(let error, let producer):
                var text = error.description
                if let producer {
                    text += "; that field comes from the LLM step '\(producer)': give it with --context '{\"…\": …}'"
                }
                return text
            }
        }
    }

    public static func render(plan: ExecutionPlan, step name: String, unitID: String?,
                              answers: ValueObject) throws -> String {
        let llmSteps = plan.orderedSteps.filter { if case .llm = $0.work { return true } else { return false } }
        guard let target = plan.steps[name], case .llm(let work) = target.work else {
            throw Failure.notAnLLMStep(name, llmSteps: llmSteps.map(\.name))
        }
        let items = try PipelineLoader.items(of: plan.pipeline)
        var unit: ValueObject?
        var first: ValueObject?
        try UnitGenerator(spec: plan.generation).forEachUnit(items: items, maxUnits: plan.maxUnits) { candidate in
            if first == nil { first = candidate }
            if unit == nil, unitID == nil || candidate["unit_id"]?.stringValue == unitID { unit = candidate }
        }
        guard let start = unit else {
            throw Failure.unknownUnit(unitID ?? "", example: first?["unit_id"]?.stringValue)
        }
        let needed = plan.graph.ancestors(of: name)
        var after: [String: ValueObject] = [:]
        for step in plan.orderedSteps where needed.contains(step.name) {
            guard var input = StepInput.record(for: step, unit: start, after: after) else { continue }
            switch step.work {
            case .expression(let expression):
                do { after[step.name] = try expression.run(unit: input) } catch {
                    throw Failure.upstreamFailed(step: step.name, message: error.description)
                }
            case .fanOut(let field, let childField):
                guard case .array(let elements)? = input[field], let element = elements.first else {
                    throw Failure.upstreamFailed(step: step.name, message: "'\(field)' is not a non-empty list")
                }
                input[childField] = element
                input["unit_id"] = .string((input["unit_id"]?.stringValue ?? "") + "__fan000")
                after[step.name] = input
            case .llm:
                after[step.name] = input.merging(answers)
            }
        }
        var record = StepInput.record(for: target, unit: start, after: after) ?? start
        record.merge(answers)
        let context: ValueObject
        do { context = try PromptContext(plan: plan).context(for: record, step: name) } catch {
            throw Failure.upstreamFailed(step: "processing.expressions", message: error.description)
        }
        do {
            return try work.template.render(context)
        } catch {
            throw Failure.render(error, missingFrom: producer(of: error, plan: plan, among: needed))
        }
    }

    /// The upstream LLM step whose schema declares the field a render error says is undefined.
    static func producer(of error: TemplateError, plan: ExecutionPlan, among steps: Set<String>) -> String? {
        guard let quoted = error.message.split(separator: "'", omittingEmptySubsequences: false).dropFirst().first
            .map(String.init) else { return nil }
        for step in plan.orderedSteps where steps.contains(step.name) {
            guard case .llm(let work) = step.work, let properties = work.schemaDocument?["properties"]?.objectValue else { continue }
            if properties.contains(quoted) { return step.name }
        }
        return nil
    }
}
