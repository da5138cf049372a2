import Basics
import Expressions
import Pipeline
import Providers

/// The offline provider's answers for a plan: each LLM step's `mock:` expressions evaluated on the unit
/// (so demos give correct, meaningful answers); a step without them gets an answer synthesised from its
/// schema by the mock provider itself.
///
/// Invariant: deterministic per (unit, step, attempt) — the same inputs give the same answer.
public enum MockAnswers {
    public static func source(for plan: ExecutionPlan) -> MockProvider.AnswerSource {
        var expressions: [String: [(name: String, expression: CompiledExpression)]] = [:]
        for step in plan.orderedSteps {
            if case .llm(let work) = step.work, !work.mock.isEmpty { expressions[step.name] = work.mock }
        }
        let table = MockExpressionTable(expressions: expressions)
        return { request in try table.answer(request) }
    }
}

/// The compiled `mock:` expressions by step name.
struct MockExpressionTable: @unchecked Sendable {
    // CompiledExpression is immutable and Sendable; the tuple array is never mutated after init.
    let expressions: [String: [(name: String, expression: CompiledExpression)]]

    func answer(_ request: LLMRequest) throws -> Value? {
        guard let list = expressions[request.step], let unit = request.mockContext else { return nil }
        let random = PythonRandom(seed: SHA256.octobatchSeed("\(request.unitID)|\(request.step)|\(request.attempt)"))
        var scope = unit
        var answer = ValueObject()
        for (name, expression) in list {
            let value = try expression.evaluate(context: scope, random: random)
            scope[name] = value
            answer[name] = value
        }
        return .object(answer)
    }
}
