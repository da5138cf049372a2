/// The process exit codes Octobatch documents (README "Exit codes").
///
/// Invariant: every path out of `CommandLineTool` ends in exactly one of these.
public enum ExitCode: Int32, Sendable {
    /// The command did what was asked.
    case success = 0
    /// The work itself failed (a run with failures, an invalid instance, a failed render).
    case failure = 1
    /// The command line or a configuration is wrong; nothing was done.
    case usage = 2
    /// Interrupted by SIGINT/SIGTERM; a run is left paused and resumable.
    case interrupted = 130
}
