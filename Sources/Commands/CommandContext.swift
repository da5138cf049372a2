import Foundation

/// Everything a command may touch outside itself: output streams, standard input, the environment, the
/// working directory, and how the terminal wants its text. Injected so tests run commands in-process.
///
/// Invariants: `useColor` is false whenever `NO_COLOR` is set (any value) or stdout is not a terminal;
/// commands write data to `stdout` and messages to `stderr`.
public struct CommandContext: Sendable {
    public var stdout: any TextSink
    public var stderr: any TextSink
    public var stdin: any InputSource
    public var environment: [String: String]
    public var currentDirectory: String
    public var stdoutIsTerminal: Bool
    public var stderrIsTerminal: Bool

    public init(stdout: any TextSink, stderr: any TextSink, stdin: any InputSource,
                environment: [String: String], currentDirectory: String,
                stdoutIsTerminal: Bool, stderrIsTerminal: Bool) {
        self.stdout = stdout
        self.stderr = stderr
        self.stdin = stdin
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
    }

    /// The real process: file descriptors 0, 1, 2 and `ProcessInfo`.
    public static func process() -> CommandContext {
        CommandContext(
            stdout: FileDescriptorSink(descriptor: 1),
            stderr: FileDescriptorSink(descriptor: 2),
            stdin: StandardInputSource(),
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            stdoutIsTerminal: isatty(1) != 0,
            stderrIsTerminal: isatty(2) != 0
        )
    }

    /// Colour on stdout: a terminal and no `NO_COLOR`.
    public var useColor: Bool { stdoutIsTerminal && environment["NO_COLOR"] == nil }
    /// Colour on stderr: a terminal and no `NO_COLOR`.
    public var useColorOnStderr: Bool { stderrIsTerminal && environment["NO_COLOR"] == nil }

    /// Resolves a user-given path against the working directory.
    public func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return (currentDirectory as NSString).appendingPathComponent(path)
    }
}
