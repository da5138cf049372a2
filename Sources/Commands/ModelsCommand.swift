import Basics
import Pipeline
import Providers

/// `octobatch models`: the providers and models Octobatch knows, with prices.
struct ModelsCommand: Subcommand {
    static let name = "models"
    static let abstract = "List known providers and models with their prices per million tokens"
    static let discussion = """
        Prices are standard (realtime) rates; batch requests cost the provider's batch discount times as much.
        OCTOBATCH_REGISTRY=path uses another registry file instead of the built-in one.
        """
    static let positionals: [PositionalSpec] = []
    static let options: [OptionSpec] = [
        .value("--provider", "P", help: "Only this provider's models"),
        .flag("--json", help: "Print JSON instead of a table"),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        let registry = try RegistryLoader.load(environment: context.environment)
        var providers = registry.providers
        if let only = arguments.value("--provider")?.lowercased() {
            guard let provider = registry.provider(named: only) else {
                throw UsageError("unknown provider '\(only)'",
                                 help: EditDistance.didYouMean(only, in: registry.providerNames)
                                    ?? "known providers: \(registry.providerNames.joined(separator: ", "))",
                                 command: name)
            }
            providers = [provider]
        }
        if arguments.flag("--json") {
            let list: [Value] = providers.flatMap { p in
                p.models.map { m -> Value in
                    [
                        "provider": .string(p.name), "model": .string(m.name), "display_name": .string(m.displayName),
                        "input_per_million": .double(m.inputPerMillion), "output_per_million": .double(m.outputPerMillion),
                        "batch_input_per_million": .double(m.inputPerMillion * p.batchDiscount),
                        "batch_output_per_million": .double(m.outputPerMillion * p.batchDiscount),
                        "batch": .bool(m.supportsBatch), "default": .bool(m.name == p.defaultModel),
                        "key_variable": p.keyVariable.map(Value.string) ?? .null,
                    ]
                }
            }
            context.stdout.line(JSONWriter.python(.array(list)))
            return .success
        }
        var rows: [[String]] = [["PROVIDER", "MODEL", "INPUT $/M", "OUTPUT $/M", "BATCH IN", "BATCH OUT", ""]]
        for p in providers {
            for m in p.models {
                rows.append([p.name, m.name, money(m.inputPerMillion), money(m.outputPerMillion),
                             m.supportsBatch ? money(m.inputPerMillion * p.batchDiscount) : "-",
                             m.supportsBatch ? money(m.outputPerMillion * p.batchDiscount) : "-",
                             m.name == p.defaultModel ? "default" : ""])
            }
        }
        context.stdout.write(TextTable.render(rows))
        return .success
    }

    static func money(_ x: Double) -> String {
        let cents = (x * 10_000).rounded() / 10_000
        return PythonFloat.repr(cents)
    }
}
