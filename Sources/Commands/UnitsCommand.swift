import Basics
import Pipeline

/// `octobatch units PIPELINE`: the units a run would create, as JSONL (byte-compatible with the Python tool).
struct UnitsCommand: Subcommand {
    static let name = "units"
    static let abstract = "Print the units a pipeline generates, one JSON object per line"
    static let discussion = """
        The unit ids, field order and repetition seeds are exactly the Python tool's, so the output can be
        compared byte for byte with its input/units.jsonl.

        EXAMPLES:
          octobatch units pipelines/DrunkenSailor --max-units 3
          octobatch units pipelines/NPCDialog | wc -l
        """
    static let positionals = [PositionalSpec("PIPELINE", help: "A pipeline folder or its config.yaml")]
    static let options: [OptionSpec] = [
        .value("--max-units", "N", help: "Stop after N units (applied after repetition, as the Python tool)"),
        .value("--repeat", "N", help: "Override processing.repeat"),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        let maxUnits = try arguments.int("--max-units", range: 0...Int.max)
        let repeatCount = try arguments.int("--repeat", range: 1...1_000_000)
        let source = try PipelineSource.resolve(arguments.positionals[0], currentDirectory: context.currentDirectory)
        let pipeline = try PipelineLoader.load(source)
        var spec = pipeline.config.processing.generation
        if let repeatCount { spec.repeatCount = repeatCount }
        let items = try PipelineLoader.items(of: pipeline)
        var buffer: [UInt8] = []
        let writer = JSONWriter()
        do {
            try UnitGenerator(spec: spec).forEachUnit(items: items, maxUnits: maxUnits) { unit in
                try Task.checkCancellation()
                writer.write(.object(unit), into: &buffer)
                buffer.append(0x0A)
                if buffer.count > 1 << 16 {
                    context.stdout.write(String(decoding: buffer, as: UTF8.self))
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        } catch let error as UnitGenerationError {
            throw DiagnosticsError([.error(error.id, error.message,
                at: pipeline.locator.location(of: ConfigPath([.key("processing")]), key: true))])
        }
        context.stdout.write(String(decoding: buffer, as: UTF8.self))
        return .success
    }
}
