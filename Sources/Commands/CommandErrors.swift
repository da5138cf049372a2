import Basics

/// A mistake on the command line: unknown command or option, missing or malformed value.
/// Exits with `ExitCode.usage` after printing the message, an optional hint and the usage line.
public struct UsageError: Error, Sendable, Equatable {
    public var message: String
    public var help: String?
    /// The subcommand whose usage line to print, if any.
    public var command: String?

    public init(_ message: String, help: String? = nil, command: String? = nil) {
        self.message = message
        self.help = help
        self.command = command
    }
}

/// The work failed for a reason the user can act on (e.g. a template that does not render).
/// Exits with `ExitCode.failure` unless `exitCode` says otherwise.
public struct CommandFailure: Error, Sendable {
    public var message: String
    public var exitCode: ExitCode

    public init(_ message: String, exitCode: ExitCode = .failure) {
        self.message = message
        self.exitCode = exitCode
    }
}
