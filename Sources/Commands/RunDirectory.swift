import Basics
import Foundation
import Pipeline
import Runtime

/// A run directory named on the command line, with its manifest and (when needed) its compiled plan.
///
/// Invariant: opening never writes; a path that is not a run directory is a usage error naming it.
struct RunDirectory {
    let store: RunStore
    let manifest: ManifestSnapshot
    let displayPath: String

    static func open(_ argument: String, context: CommandContext) throws -> RunDirectory {
        let path = context.absolutePath(argument)
        let store: RunStore
        do {
            store = try RunStore.open(at: path)
        } catch {
            throw UsageError("'\(argument)' is not a run directory (it has no MANIFEST.json)",
                             help: "'octobatch ps' lists the runs under ./runs")
        }
        return RunDirectory(store: store, manifest: try store.readManifest(),
                            displayPath: PipelineSource.display(path, relativeTo: context.currentDirectory))
    }

    /// The retry budget the run was last executed with (5 when it never ran).
    var maxRetries: Int { manifest.metadata.extra["max_retries"]?.intValue ?? 5 }

    /// The step order and dependencies recorded in the manifest.
    var stepOrder: [String] { manifest.pipeline }
    var dependencies: [String: [String]] {
        manifest.dag.isEmpty ? Dictionary(uniqueKeysWithValues: manifest.pipeline.enumerated().map { i, step in
            (step, i == 0 ? [] : [manifest.pipeline[i - 1]])
        }) : manifest.dag
    }

    /// The plan compiled from the run's config snapshot, with the overrides it was created with.
    func plan(context: CommandContext) throws -> ExecutionPlan {
        let environment = DotEnv.merged(into: context.environment, from: context.currentDirectory)
        let registry = try RegistryLoader.load(environment: environment)
        let source = try PipelineSource.resolve(store.paths.configSnapshot, currentDirectory: context.currentDirectory)
        let pipeline = try PipelineLoader.load(source, registry: registry)
        let report = PlanCompiler.compile(pipeline, overrides: RunCreator.overrides(from: manifest),
                                          registry: registry, environment: environment)
        guard let plan = report.plan else { throw DiagnosticsError(report.diagnostics) }
        return plan
    }

    /// Fan-out steps, read from the config snapshot (empty when it cannot be read).
    func fanOutSteps(context: CommandContext) -> Set<String> {
        guard let plan = try? plan(context: context) else { return [] }
        return Set(plan.orderedSteps.filter { if case .fanOut = $0.work { return true } else { return false } }.map(\.name))
    }
}
