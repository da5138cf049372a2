/// A list of assignments `name = expression`, optionally followed by a condition (`loop_until`), fused
/// into one closure that runs them in order: the per-iteration work of an expression step.
///
/// Invariants: assignments run in list order, each with a fresh step budget, each storing into its slot
/// before the next starts; the first failure stops the sequence and is reported with its position in the
/// list (`index == assignments.count` for the condition). Each link calls the next through its captured
/// context, so running the sequence retains nothing per assignment (an array of closures would retain each
/// closure it calls).
struct AssignmentSequence: Sendable {
    /// A failure inside the sequence: which assignment (or the condition), and why.
    struct Failure: Error {
        var index: Int
        var error: ExpressionError
    }

    typealias Body = @Sendable (Environment) throws(Failure) -> Bool

    /// Runs every assignment, then returns the condition's truth value (true when there is no condition).
    let run: Body

    init(_ assignments: [(slot: Int, evaluator: EvaluatorBox)], condition: ConditionBox?) {
        var body: Body
        if let condition = condition?.run {
            let index = assignments.count
            body = { env throws(Failure) in
                env.resetSteps()
                do throws(ExpressionError) { return try condition(env) } catch { throw Failure(index: index, error: error) }
            }
        } else {
            body = { _ in true }
        }
        for (index, assignment) in assignments.enumerated().reversed() {
            let next = body, slot = assignment.slot, evaluator = assignment.evaluator.run
            body = { env throws(Failure) in
                env.resetSteps()
                do throws(ExpressionError) { env.slots[slot] = try evaluator(env) } catch {
                    throw Failure(index: index, error: error)
                }
                return try next(env)
            }
        }
        run = body
    }
}
