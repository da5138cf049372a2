import Basics
import Pipeline

/// The record a step reads for one unit when the upstream records are in memory (estimates, previews):
/// the unit itself for a root step, else its first dependency's record joined with the others'.
///
/// Invariant: nil when some dependency produced nothing for the unit (it failed or was filtered out), so
/// nothing is handed onward from a missing input. `ChunkRunner.inputs` is the same rule over files.
enum StepInput {
    static func record(for step: PlannedStep, unit: ValueObject, after outputs: [String: ValueObject]) -> ValueObject? {
        guard let primary = step.dependencies.first else { return unit }
        guard var record = outputs[primary] else { return nil }
        for other in step.dependencies.dropFirst() {
            guard let extra = outputs[other] else { return nil }
            record.merge(extra)
        }
        return record
    }
}
