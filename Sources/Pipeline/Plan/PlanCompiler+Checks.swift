import Basics
import Expressions
import Foundation
import JSONSchemaValidation
import Providers
import Templates
import YAML

/// The outcome of building a step's validator: ready (possibly with no checks configured) or failed
/// (diagnostics were reported).
enum ValidatorBuild {
    case ready(StepAnswerValidator?)
    case failed
}

extension PlanCompiler {
    /// Schema (phase 1) and rules (phase 2) of a step. LLM steps need at least one of the two.
    mutating func buildValidator(for step: StepConfig) -> ValidatorBuild {
        var schema: JSONSchema?
        var failed = false
        if let file = config.schemas.files[step.name] {
            let relative = (config.schemas.schemaDirectory as NSString).appendingPathComponent(file)
            let entry = ConfigPath([.key("schemas"), .key("files"), .key(step.name)])
            if let text = try? String(contentsOfFile: pipeline.source.absolute(relative), encoding: .utf8) {
                do {
                    schema = try JSONSchema.load(text: text, file: pipeline.source.display(relative))
                    // Steps may share a schema file: report its warnings once.
                    for warning in schema?.warnings ?? [] where !diagnostics.diagnostics.contains(warning) {
                        diagnostics.add(warning)
                    }
                } catch {
                    diagnostics.add(contentsOf: error.diagnostics)
                    failed = true
                }
            } else {
                diagnostics.error("link.schema-not-found", "schema file '\(pipeline.source.display(relative))' of step '\(step.name)' does not exist",
                                  at: locator.location(of: entry, key: false))
                failed = true
            }
        }
        var rules: StepRules?
        if let entry = config.validation[step.name], case .object(let root) = pipeline.document.value,
           let raw = root["validation"]?[step.name] {
            if checkRuleExpressions(entry) {
                do {
                    let compiled = try StepRules.compile(
                        raw, step: step.name, compiler: ExpressionsRuleCompiler(), file: pipeline.source.displayPath,
                        locate: { [self] path in ruleLocation(path, step: step.name) })
                    diagnostics.add(contentsOf: compiled.warnings)
                    rules = compiled
                } catch {
                    diagnostics.add(contentsOf: error.diagnostics)
                    failed = true
                }
            } else {
                failed = true
            }
        }
        if step.isLLM {
            let hasSchemaEntry = config.schemas.files[step.name] != nil
            let hasValidation = config.validation[step.name] != nil
            let at = locator.location(of: step.path.appending("name"), key: false)
            if !hasSchemaEntry && !hasValidation {
                diagnostics.error("link.no-checks", "nothing checks the answers of LLM step '\(step.name)'",
                                  at: at, help: "add 'schemas.files.\(step.name)' (a JSON Schema) and/or 'validation.\(step.name)'")
                failed = true
            } else if !hasSchemaEntry {
                diagnostics.warning("link.no-schema", "LLM step '\(step.name)' has no JSON Schema; only its validation rules check the answers",
                                    at: at, help: "add 'schemas.files.\(step.name)'")
            } else if !hasValidation {
                diagnostics.warning("link.no-validation", "LLM step '\(step.name)' has no 'validation' entry; only its schema checks the answers",
                                    at: at)
            }
        }
        if failed { return .failed }
        if schema == nil && rules == nil { return .ready(nil) }
        return .ready(StepAnswerValidator(step: step.name, schema: schema, rules: rules))
    }

    /// The raw JSON Schema document of a step, when it has one that parses.
    func schemaDocument(for step: StepConfig) -> Value? {
        guard let file = config.schemas.files[step.name] else { return nil }
        let path = pipeline.source.absolute((config.schemas.schemaDirectory as NSString).appendingPathComponent(file))
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONReader.parse([UInt8](data))
    }

    /// Compiles rule expressions with located errors and checks their names; false when one fails.
    mutating func checkRuleExpressions(_ entry: PipelineConfig.StepValidation) -> Bool {
        var ok = true
        for rule in entry.rules {
            for source in [rule.expr] + (rule.when.map { [$0] } ?? []) where compileExpression(source) == nil {
                ok = false
            }
        }
        return ok
    }

    /// Reports names a step's rules read that neither the step's answer nor its inputs provide (syntax
    /// errors were reported when the rules were compiled).
    mutating func checkRuleNames(_ step: StepConfig, available: NameAvailability.Names) {
        guard let entry = config.validation[step.name] else { return }
        for rule in entry.rules {
            for source in [rule.expr] + (rule.when.map { [$0] } ?? []) {
                guard let compiled = try? CompiledExpression(source.source) else { continue }
                checkNames(compiled, source: source, available: available,
                           where: "rule '\(rule.name)' of step '\(step.name)'")
            }
        }
    }

    mutating func promptTemplate(for step: StepConfig, file: String?, entryPath: ConfigPath) -> PromptTemplate? {
        guard let file else {
            diagnostics.error("link.no-template", "LLM step '\(step.name)' has no prompt template",
                              at: locator.location(of: step.path.appending("name"), key: false),
                              help: "add 'prompts.templates.\(step.name): <file>.jinja2'")
            return nil
        }
        let relative = (config.prompts.templateDirectory as NSString).appendingPathComponent(file)
        let path = pipeline.source.absolute(relative)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            diagnostics.error("link.template-not-found", "template '\(pipeline.source.display(relative))' of step '\(step.name)' does not exist",
                              at: locator.location(of: entryPath, key: false))
            return nil
        }
        let display = pipeline.source.display(relative)
        let folder = URL(fileURLWithPath: (path as NSString).deletingLastPathComponent)
        do {
            let template = try Template(source: text, name: display, loader: TemplateDirectory(folder))
            for problem in template.loadErrors { diagnostics.add(problem.diagnostic) }
            return PromptTemplate(path: path, displayPath: display, template: template, source: text)
        } catch {
            diagnostics.add(error.diagnostic)
            return nil
        }
    }

    /// Reports each variable a template reads that is not available at its step.
    mutating func checkTemplateNames(_ template: PromptTemplate, step: StepConfig, available: NameAvailability.Names) {
        guard !available.open else { return }
        for free in template.template.freeVariables where !available.contains(free.name) {
            diagnostics.error("template.undefined-variable",
                              "'\(free.name)' is not defined for step '\(step.name)' (the template would fail for every unit)",
                              at: free.location,
                              help: EditDistance.didYouMean(free.name, in: available.names.sorted())
                                ?? "variables come from the unit, earlier steps, processing.expressions and prompts.global_context")
        }
    }

    /// Compiles one expression from the config, reporting a syntax error at its place in the YAML.
    mutating func compileExpression(_ source: NamedSource) -> CompiledExpression? {
        do {
            return try CompiledExpression(source.source)
        } catch {
            var diagnostic = error.diagnostic(source: source.source, start: expressionStart(source),
                                              id: "expression.syntax")
            if let offset = error.offset, let place = expressionLocation(source, offset: offset, length: error.length) {
                diagnostic.location = place
            }
            diagnostics.add(diagnostic)
            return nil
        }
    }

    mutating func compileNamedExpressions(_ sources: [NamedSource], context: String,
                                          available: NameAvailability.Names) -> [(name: String, expression: CompiledExpression)] {
        var result: [(name: String, expression: CompiledExpression)] = []
        var visible = available
        for source in sources {
            guard let compiled = compileExpression(source) else { continue }
            checkNames(compiled, source: source, available: visible, where: context)
            visible.names.insert(source.name)
            result.append((source.name, compiled))
        }
        return result
    }

    /// Reports each free name of `expression` that is not available.
    mutating func checkNames(_ expression: CompiledExpression, source: NamedSource,
                             available: NameAvailability.Names, where place: String) {
        guard !available.open else { return }
        for free in expression.freeNames where !available.contains(free.name) {
            let location = expressionLocation(source, offset: free.offset, length: free.length)
                ?? expressionStart(source)
            diagnostics.error("expression.undefined-name", "name '\(free.name)' is not defined in \(place)",
                              at: location,
                              help: EditDistance.didYouMean(free.name, in: available.names.sorted())
                                ?? "the names available there come from the units and the steps before it")
        }
    }

    /// Where the first character of an expression string is in the YAML (after an opening quote, on the
    /// first content line of a block scalar).
    func expressionStart(_ source: NamedSource) -> SourceLocation? {
        expressionLocation(source, offset: 0, length: 1) ?? locator.location(of: source.path, key: false)
    }

    /// Where character `offset` of an expression string is in the YAML.
    func expressionLocation(_ source: NamedSource, offset: Int, length: Int) -> SourceLocation? {
        guard let node = pipeline.document.node(at: Self.yamlPath(source.path)),
              let map = ExpressionSourceMap(node: node, source: pipeline.document.source,
                                            file: pipeline.document.path) else { return nil }
        return map.location(offset: offset, length: length)
    }

    /// Entries of prompts.templates / schemas.files / validation that name no step.
    mutating func checkLinkEntries() {
        let names = config.steps.map(\.name)
        let sections: [(String, [String])] = [
            ("prompts.templates", Array(config.prompts.templates.keys)),
            ("schemas.files", Array(config.schemas.files.keys)),
            ("validation", Array(config.validation.keys)),
        ]
        for (section, keys) in sections {
            for key in keys.sorted() where !names.contains(key) {
                let path = ConfigPath(section.split(separator: ".").map { .key(String($0)) } + [.key(key)])
                diagnostics.warning("link.unknown-step", "'\(section).\(key)' names no step of the pipeline",
                                    at: locator.location(of: path, key: true),
                                    help: EditDistance.didYouMean(key, in: names))
            }
        }
    }

    /// A warning per provider in use whose API key is not set.
    mutating func checkAPIKeys(_ resolutions: [String: ProviderResolution]) {
        var warned = Set<String>()
        for (_, resolution) in resolutions.sorted(by: { $0.key < $1.key }) {
            guard let variable = registry.provider(named: resolution.provider)?.keyVariable,
                  environment[variable]?.isEmpty ?? true, warned.insert(variable).inserted else { continue }
            diagnostics.warning("provider.missing-key", "\(variable) is not set; \(resolution.provider) calls will fail",
                                help: "export \(variable)=… or put it in a .env file; '--provider mock' runs offline")
        }
    }
}
