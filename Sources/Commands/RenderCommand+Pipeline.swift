import Basics
import Pipeline
import Runtime

extension RenderCommand {
    /// `render PIPELINE --step S [--unit ID] [--context JSON|@file]`: the exact prompt of one unit.
    static func renderStep(_ arguments: ParsedArguments, context: CommandContext) throws -> ExitCode {
        guard let step = arguments.value("--step") else {
            throw UsageError("a pipeline needs --step S (the LLM step whose prompt to show)", command: name)
        }
        var planArguments = arguments
        if planArguments.value("--provider") == nil { planArguments.values["--provider"] = ["mock"] }
        let (report, _) = try PlanOptions.compile(planArguments, context: context)
        guard let plan = report.plan else { throw DiagnosticsError(report.diagnostics) }
        let answers = try contextObject(arguments.value("--context"), context: context)
        do {
            context.stdout.write(try PromptPreview.render(plan: plan, step: step, unitID: arguments.value("--unit"),
                                                          answers: answers))
            return .success
        } catch let failure as PromptPreview.Failure {
            switch failure {
            case .notAnLLMStep, .unknownUnit: throw UsageError(failure.description, command: name)
            default: throw CommandFailure(failure.description)
            }
        }
    }
}
