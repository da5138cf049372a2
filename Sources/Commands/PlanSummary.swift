import Basics
import Pipeline

/// The human and JSON summaries of a plan: steps, providers, counts.
enum PlanSummary {
    static func text(_ report: PlanReport, pipeline: LoadedPipeline) -> String {
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.filter { $0.severity == .warning }.count
        var out = ""
        out += "Pipeline \(pipeline.config.name) (\(pipeline.source.displayPath))\n"
        if let units = report.unitCount, let chunks = report.chunkCount {
            out += "  \(units) units in \(chunks) chunk\(chunks == 1 ? "" : "s") of up to \(pipeline.config.processing.chunkSize)\n"
        }
        for step in pipeline.config.steps {
            var line = "  \(step.name) [\(step.scope.rawValue)]"
            if let r = report.resolutions[step.name] {
                line += " \(r.provider)/\(r.model)" + (r.priced ? "" : " (price unknown)")
            }
            if let deps = report.plan?.graph.dependencies[step.name], deps.count > 1 {
                line += " after " + deps.joined(separator: " + ")
            }
            out += line + "\n"
        }
        out += errors == 0 ? "OK" : "\(errors) error\(errors == 1 ? "" : "s")"
        out += warnings == 0 ? "\n" : ", \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        return out
    }

    static func json(_ report: PlanReport, pipeline: LoadedPipeline) -> Value {
        var steps: [Value] = []
        for step in pipeline.config.steps {
            var entry: ValueObject = ["name": .string(step.name), "scope": .string(step.scope.rawValue)]
            if let deps = report.plan?.graph.dependencies[step.name] { entry["depends_on"] = .array(deps.map(Value.string)) }
            if let r = report.resolutions[step.name] {
                entry["provider"] = .string(r.provider)
                entry["model"] = .string(r.model)
                entry["priced"] = .bool(r.priced)
            }
            steps.append(.object(entry))
        }
        return [
            "pipeline": .string(pipeline.config.name), "config": .string(pipeline.source.displayPath),
            "valid": .bool(!report.hasErrors),
            "errors": .int(report.diagnostics.filter { $0.severity == .error }.count),
            "warnings": .int(report.diagnostics.filter { $0.severity == .warning }.count),
            "units": report.unitCount.map(Value.int) ?? .null, "chunks": report.chunkCount.map(Value.int) ?? .null,
            "steps": .array(steps),
            "diagnostics": .array(report.diagnostics.map(DiagnosticRenderer.json)),
        ]
    }
}
