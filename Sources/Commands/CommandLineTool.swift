import Basics
import Foundation

/// The entry point: dispatches argv to a subcommand and funnels every error into one message and one exit
/// code (`ExitCode`).
///
/// Invariants: usage errors print `error: …`, an optional `help: …` and the usage line, and exit 2;
/// diagnostics are rendered with source excerpts and exit 2; `CommandFailure` exits with its code (1 by
/// default); cancellation (SIGINT/SIGTERM) exits 130; any other error is printed and exits 1. Nothing else in
/// the program decides an exit code.
public enum CommandLineTool {
    /// Runs the real process: installs SIGINT/SIGTERM handling that cancels the command, then dispatches.
    public static func main(arguments: [String]) async -> Int32 {
        let context = CommandContext.process()
        let task = Task { await run(arguments: arguments, context: context) }
        let signals = SignalCanceller { task.cancel() }
        let code = await task.value
        signals.stop()
        return code.rawValue
    }

    /// Dispatches `arguments` (without the program name) in `context`.
    public static func run(arguments: [String], context: CommandContext) async -> ExitCode {
        do {
            return try await dispatch(arguments, context: context)
        } catch {
            return report(error, context: context)
        }
    }

    static func dispatch(_ arguments: [String], context: CommandContext) async throws -> ExitCode {
        guard let first = arguments.first else {
            context.stdout.write(HelpFormatter.overview())
            return .success
        }
        switch first {
        case "--help", "-h":
            context.stdout.write(HelpFormatter.overview())
            return .success
        case "--version", "-V":
            context.stdout.line("\(ToolInfo.name) \(ToolInfo.version)")
            return .success
        default:
            break
        }
        if first.hasPrefix("-") {
            throw UsageError("unknown option '\(first)'",
                             help: EditDistance.didYouMean(first, in: ["--help", "--version"]))
        }
        guard let command = CommandRegistry.command(named: first) else {
            throw unknownCommand(first)
        }
        let rest = Array(arguments.dropFirst())
        if rest.prefix(while: { $0 != "--" }).contains(where: { $0 == "--help" || $0 == "-h" }) {
            context.stdout.write(HelpFormatter.page(for: command))
            return .success
        }
        let parser = ArgumentParser(command: command.name, options: command.options, positionals: command.positionals)
        let parsed = try parser.parse(rest)
        return try await command.run(parsed, context: context)
    }

    static func unknownCommand(_ name: String) -> UsageError {
        UsageError("unknown command '\(name)'", help: EditDistance.didYouMean(name, in: CommandRegistry.names)
            ?? "run '\(ToolInfo.name) --help' to see the commands")
    }

    /// Prints `error` and returns its exit code.
    static func report(_ error: any Error, context: CommandContext) -> ExitCode {
        let err = context.stderr
        switch error {
        case let usage as UsageError:
            err.line("error: \(usage.message)")
            if let help = usage.help { err.line("help: \(help)") }
            if let name = usage.command, let command = CommandRegistry.command(named: name) {
                err.line("usage: \(HelpFormatter.usageLine(for: command))")
                err.line("       (see '\(ToolInfo.name) help \(name)')")
            }
            return .usage
        case let diagnostics as DiagnosticsError:
            let renderer = DiagnosticRenderer(sources: DiagnosticSources.load(for: diagnostics.diagnostics),
                                              color: context.useColorOnStderr)
            err.write(renderer.render(diagnostics.diagnostics))
            return .usage
        case let diagnostic as Diagnostic:
            let renderer = DiagnosticRenderer(sources: DiagnosticSources.load(for: [diagnostic]),
                                              color: context.useColorOnStderr)
            err.write(renderer.render(diagnostic))
            return .usage
        case let failure as CommandFailure:
            err.line("error: \(failure.message)")
            return failure.exitCode
        case is CancellationError:
            err.line("interrupted")
            return .interrupted
        default:
            err.line("error: \(error)")
            return .failure
        }
    }
}
