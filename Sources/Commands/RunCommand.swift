import Basics
import Foundation
import Pipeline
import Providers
import Runtime

/// `octobatch run PIPELINE|RUN_DIR`: start a run, or resume one.
struct RunCommand: Subcommand {
    static let name = "run"
    static let abstract = "Run a pipeline (or resume a run directory) to the end"
    static let discussion = """
        A pipeline folder starts a new run in --run-dir (default runs/<pipeline>_<UTC time>); a run directory
        resumes it: settled units are never requested again, answers already paid for are validated from disk.
        Ctrl-C pauses the run within a second; run the same directory again to resume.
        Exit status: 0 when every unit passed, 1 when some failed or the run stopped early (cost cap, time
        limit, provider refusal), 2 for configuration errors, 130 when interrupted.

        EXAMPLES:
          octobatch run pipelines/DrunkenSailor --provider mock
          octobatch run pipelines/NPCDialog --provider mock --mock-failure-rate 0.2 --mock-malformed-rate 0.2
          octobatch run runs/drunkensailor_20261121_101500
        """
    static let positionals = [PositionalSpec("PIPELINE|RUN_DIR", help: "A pipeline folder, its config.yaml, or a run directory")]
    static let options: [OptionSpec] = PlanOptions.options + [
        .value("--run-dir", "DIR", help: "Where to create the run (new runs only)"),
        .value("--mode", "MODE", help: "realtime (default) or batch"),
        .value("--concurrency", "N", help: "Concurrent realtime calls per provider (default 16)"),
        .value("--max-cost", "USD", help: "Stop before spending more than this (pending units stay resumable)"),
        .value("--timeout", "DUR", help: "Stop after this long: seconds, or 1h30m / 45m / 90s"),
        .value("--max-retries", "N", help: "Retries per unit after its first attempt (default 5)"),
        .value("--poll-interval", "SEC", help: "Seconds between batch polls (default api.poll_interval_seconds or 5)"),
        .value("--mock-latency", "MS", help: "Mock provider: milliseconds per call"),
        .value("--mock-failure-rate", "P", help: "Mock provider: share of calls that fail (0–1)"),
        .value("--mock-malformed-rate", "P", help: "Mock provider: share of answers that are malformed (0–1)"),
        .flag("--yes", short: "-y", help: "Do not ask for confirmation before paid calls"),
        .flag("--quiet", short: "-q", help: "No progress output"),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        let options = try runOptions(arguments)
        let target = context.absolutePath(arguments.positionals[0])
        let environment = DotEnv.merged(into: context.environment, from: context.currentDirectory)
        let registry = try RegistryLoader.load(environment: environment)
        let store: RunStore
        let plan: ExecutionPlan
        if FileManager.default.fileExists(atPath: (target as NSString).appendingPathComponent("MANIFEST.json")) {
            for option in ["--run-dir", "--provider", "--model", "--max-units", "--repeat"] where arguments.value(option) != nil {
                throw UsageError("\(option) applies to new runs only; a run directory resumes with the choices it was created with",
                                 command: name)
            }
            store = try RunStore.open(at: target)
            let manifest = try store.readManifest()
            let snapshot = try PipelineSource.resolve(store.paths.configSnapshot, currentDirectory: context.currentDirectory)
            let pipeline = try PipelineLoader.load(snapshot, registry: registry)
            let report = PlanCompiler.compile(pipeline, overrides: RunCreator.overrides(from: manifest),
                                              registry: registry, environment: environment)
            guard let compiled = report.plan else { throw DiagnosticsError(report.diagnostics) }
            plan = compiled
            context.stderr.line("Resuming \(PipelineSource.display(target, relativeTo: context.currentDirectory))")
        } else {
            let (report, pipeline) = try PlanOptions.compile(arguments, context: context)
            let warnings = report.diagnostics.filter { $0.severity != .error }
            if report.hasErrors || !warnings.isEmpty {
                var sources = DiagnosticSources.load(for: report.diagnostics, relativeTo: context.currentDirectory)
                sources[pipeline.source.displayPath] = pipeline.document.source
                context.stderr.write(DiagnosticRenderer(sources: sources, color: context.useColorOnStderr)
                    .render(report.diagnostics))
            }
            guard let compiled = report.plan else { return .usage }
            plan = compiled
            let directory = arguments.value("--run-dir").map(context.absolutePath)
                ?? RunCreator.defaultDirectory(for: plan.config.name, base: context.currentDirectory)
            let overrides = PlanOverrides(provider: arguments.value("--provider")?.lowercased(),
                                          model: arguments.value("--model"),
                                          maxUnits: try arguments.int("--max-units", range: 0...Int.max),
                                          repeatCount: try arguments.int("--repeat", range: 1...10_000_000))
            store = try RunCreator.create(plan: plan, at: directory, options: options, overrides: overrides)
            context.stderr.line("Run directory: \(PipelineSource.display(directory, relativeTo: context.currentDirectory))")
        }
        let quiet = arguments.flag("--quiet")
        let progress = ProgressObserver(sink: context.stderr, live: context.stderrIsTerminal && context.environment["NO_COLOR"] == nil,
                                        stepOrder: plan.graph.order)
        let observer: any RunObserver = quiet ? SilentRunObserver() : progress
        let executor = RunExecutor(store: store, plan: plan, options: options, registry: registry, observer: observer) {
            provider, plan in try ProviderClients.make(provider, plan: plan, options: options)
        }
        let outcome = try await executor.execute()
        progress.finish()
        if !quiet { context.stderr.write(RunSummary.text(outcome, plan: plan, store: store, currentDirectory: context.currentDirectory)) }
        switch outcome.status {
        case .complete:
            return outcome.counters.values.contains { $0.failed > 0 } ? .failure : .success
        case .paused:
            return outcome.stopReason == .interrupted ? .interrupted : .failure
        case .failed:
            return .failure
        }
    }

    static func runOptions(_ arguments: ParsedArguments) throws -> RunOptions {
        var options = RunOptions()
        if let mode = arguments.value("--mode") {
            guard let parsed = RunOptions.Mode(rawValue: mode.lowercased()) else {
                throw UsageError("--mode must be realtime or batch, not '\(mode)'", command: name)
            }
            options.mode = parsed
        }
        options.concurrency = try arguments.int("--concurrency", range: 1...10_000)
        options.maxCostUSD = try arguments.double("--max-cost")
        options.maxRetries = try arguments.int("--max-retries", range: 0...100)
        if let text = arguments.value("--timeout") {
            guard let duration = DurationParser.parse(text) else {
                throw UsageError("--timeout takes seconds or a duration like 1h30m, 45m, 90s; not '\(text)'", command: name)
            }
            options.timeout = duration
        }
        if let seconds = try arguments.double("--poll-interval") { options.pollInterval = .milliseconds(Int64(seconds * 1000)) }
        options.mockLatencyMilliseconds = try arguments.double("--mock-latency")
        for (option, keyPath) in [("--mock-failure-rate", \RunOptions.mockFailureRate), ("--mock-malformed-rate", \RunOptions.mockMalformedRate)] {
            if let p = try arguments.double(option) {
                guard p <= 1 else { throw UsageError("\(option) is a share between 0 and 1, not \(p)", command: name) }
                options[keyPath: keyPath] = p
            }
        }
        return options
    }
}

/// Builds provider clients for a run.
enum ProviderClients {
    static func make(_ provider: String, plan: ExecutionPlan, options: RunOptions) throws -> any LLMProvider {
        guard provider == "mock" else {
            throw CommandFailure("the \(provider) client is not part of this build yet; run offline with '--provider mock'",
                                 exitCode: .usage)
        }
        let config = plan.config.api.mock
        var settings = MockProviderSettings(
            latencyMilliseconds: options.mockLatencyMilliseconds ?? config.latencyMilliseconds,
            failureRate: options.mockFailureRate ?? config.failureRate,
            malformedRate: options.mockMalformedRate ?? config.malformedRate)
        settings.rateLimitRetryAfter = .milliseconds(200)
        return MockProvider(settings: settings, seed: 0, answerSource: MockAnswers.source(for: plan))
    }
}
