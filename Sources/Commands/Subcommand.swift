/// A subcommand of `octobatch`: its name, its help, the options it accepts, and what it does.
///
/// Invariants: `name` is unique in `CommandRegistry.all`; `options` never include `--help` (every command gets
/// it for free); `run` reports problems by throwing `UsageError`, `CommandFailure`, `DiagnosticsError` or
/// `CancellationError` — `CommandLineTool` turns them into messages and exit codes, so a command never
/// prints its own error banner or calls `exit`.
public protocol Subcommand: Sendable {
    static var name: String { get }
    /// One line for the command table.
    static var abstract: String { get }
    /// Extra paragraphs for `octobatch help <command>` (examples, notes); may be empty.
    static var discussion: String { get }
    static var positionals: [PositionalSpec] { get }
    static var options: [OptionSpec] { get }

    /// Runs the command and returns its exit code.
    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode
}

extension Subcommand {
    public static var discussion: String { "" }
}
