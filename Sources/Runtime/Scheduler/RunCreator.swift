import Basics
import Foundation
import Pipeline

/// Creates run directories from plans and recovers the choices a run was created with.
///
/// Invariant: everything a resume needs is in the run directory (config snapshot, units, chunk states, and
/// the command-line overrides in the manifest metadata), so `run RUN_DIR` needs no other argument.
public enum RunCreator {
    public static func create(plan: ExecutionPlan, at directory: String, options: RunOptions,
                              overrides: PlanOverrides) throws -> RunStore {
        let items = try PipelineLoader.items(of: plan.pipeline)
        let generator = UnitGenerator(spec: plan.generation)
        let firstLLM = plan.orderedSteps.lazy.compactMap { step -> ProviderResolution? in
            if case .llm(let work) = step.work { return work.resolution }
            return nil
        }.first
        var metadata = ManifestSnapshot.Metadata(pipelineName: plan.config.name, provider: firstLLM?.provider,
                                                 model: firstLLM?.model, mode: options.mode.rawValue,
                                                 maxUnits: plan.maxUnits)
        metadata.extra = [
            "cli_provider_override": overrides.provider.map(Value.string) ?? .null,
            "cli_model_override": overrides.model.map(Value.string) ?? .null,
            "repeat_override": overrides.repeatCount.map(Value.int) ?? .null,
            "source_pipeline": .string(plan.pipeline.source.directory),
        ]
        let creation = try RunStore.create(
            at: directory, snapshot: RunSnapshotSource(pipeline: plan.config), stepOrder: plan.graph.order,
            dag: plan.graph.dependencies, chunkSize: plan.chunkSize, metadata: metadata
        ) { emit in
            try generator.forEachUnit(items: items, maxUnits: plan.maxUnits, emit)
        }
        return creation.store
    }

    /// The overrides recorded when the run was created.
    public static func overrides(from manifest: ManifestSnapshot) -> PlanOverrides {
        let extra = manifest.metadata.extra
        return PlanOverrides(provider: extra["cli_provider_override"]?.stringValue,
                             model: extra["cli_model_override"]?.stringValue,
                             maxUnits: manifest.metadata.maxUnits,
                             repeatCount: extra["repeat_override"]?.intValue)
    }

    /// `runs/<pipeline>_<YYYYmmdd_HHMMSS>` under `base`, as the Python tool's TUI names runs.
    public static func defaultDirectory(for pipeline: String, base: String, now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: now)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        let stamp = "\(c.year ?? 0)\(two(c.month))\(two(c.day))_\(two(c.hour))\(two(c.minute))\(two(c.second))"
        let name = pipeline.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 }
        return (base as NSString).appendingPathComponent("runs/\(String(name))_\(stamp)")
    }
}
