import Basics
import Expressions
import Foundation
import JSONSchemaValidation
import Providers

extension PlanCompiler {
    mutating func compileStep(_ step: StepConfig, dependencies: [String],
                              available: NameAvailability.Names) -> PlannedStep? {
        switch step.scope {
        case .expression:
            return compileExpressionStep(step, dependencies: dependencies, available: available)
        case .fanOut:
            let field = step.field ?? ""
            if !available.contains(field) {
                diagnostics.error("graph.unknown-field", "fan_out step '\(step.name)' expands '\(field)', which no earlier step or unit provides",
                                  at: locator.location(of: step.path.appending("field"), key: false),
                                  help: EditDistance.didYouMean(field, in: available.names))
            }
            guard case .ready(let validator) = buildValidator(for: step) else { return nil }
            return PlannedStep(config: step, dependencies: dependencies,
                                work: .fanOut(field: field, childField: step.childField ?? field),
                                validator: validator)
        case .chunk:
            return compileLLMStep(step, dependencies: dependencies, available: available)
        case .run:
            return nil
        }
    }

    mutating func compileExpressionStep(_ step: StepConfig, dependencies: [String],
                                        available: NameAvailability.Names) -> PlannedStep? {
        let all = step.initExpressions + step.expressions + (step.loopUntil.map { [$0] } ?? [])
        var ok = true
        var assigned = Set(step.initExpressions.map(\.name) + step.expressions.map(\.name))
        assigned.formUnion(available.names)
        let visible = NameAvailability.Names(
            names: assigned.subtracting(ExpressionStep.hiddenKeys), open: available.open)
        for source in all {
            guard let compiled = compileExpression(source) else { ok = false; continue }
            checkNames(compiled, source: source, available: visible, where: "step '\(step.name)'")
        }
        guard ok else { return nil }
        let work: ExpressionStep
        do {
            work = try ExpressionStep(
                stepName: step.name, initExpressions: step.initExpressions.map { ($0.name, $0.source) },
                expressions: step.expressions.map { ($0.name, $0.source) }, loopUntil: step.loopUntil?.source,
                maxIterations: step.maxIterations)
        } catch {
            diagnostics.error("expression.invalid", error.description, at: locator.location(of: step.path, key: false))
            return nil
        }
        guard case .ready(let validator) = buildValidator(for: step) else { return nil }
        return PlannedStep(config: step, dependencies: dependencies, work: .expression(work),
                            validator: validator)
    }

    mutating func compileLLMStep(_ step: StepConfig, dependencies: [String],
                                 available: NameAvailability.Names) -> PlannedStep? {
        var ok = true
        var stepAvailable = available
        stepAvailable.names.formUnion(config.document.keys + ["config"] + config.prompts.globalContext.keys
                                      + config.processing.expressions.map(\.name))
        if overrides.provider == nil, step.provider == nil, config.api.provider == nil {
            stepsWithoutProvider.append(step)
            return nil
        }
        let resolution = ProviderResolution.resolve(
            step: step, api: config.api, overrides: .init(provider: overrides.provider, model: overrides.model),
            registry: registry, locator: locator, into: &diagnostics)
        if resolution == nil { ok = false }
        let template = promptTemplate(for: step, file: config.prompts.templates[step.name] ?? step.promptTemplate,
                                      entryPath: config.prompts.templates[step.name] != nil
                                        ? ConfigPath([.key("prompts"), .key("templates"), .key(step.name)])
                                        : step.path.appending("prompt_template"))
        if let template { checkTemplateNames(template, step: step, available: stepAvailable) } else { ok = false }
        var system: PromptTemplate?
        if let file = step.system {
            system = promptTemplate(for: step, file: file, entryPath: step.path.appending("system"))
            if let system { checkTemplateNames(system, step: step, available: stepAvailable) } else { ok = false }
        }
        var mock: [(name: String, expression: CompiledExpression)] = []
        for source in step.mock {
            guard let compiled = compileExpression(source) else { ok = false; continue }
            checkNames(compiled, source: source, available: available, where: "the mock answer of '\(step.name)'")
            mock.append((source.name, compiled))
        }
        guard case .ready(let validator) = buildValidator(for: step), ok, let resolution, let template else {
            return nil
        }
        let work = LLMWork(resolution: resolution, template: template, systemTemplate: system,
                           schemaDocument: schemaDocument(for: step), mock: mock)
        return PlannedStep(config: step, dependencies: dependencies, work: .llm(work), validator: validator)
    }
}
