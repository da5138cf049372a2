import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a helper program (a post-process or run-step script) to its end or its time limit, capturing its
/// output.
///
/// Invariants: the child is started with `posix_spawn` in a process group of its own, and waited for with
/// `waitpid` on its pid (Foundation's `Process` waits for grandchildren holding its descriptors, so a
/// timed-out shell script's children would keep it "running"); stdout and stderr go to temporary files
/// (never pipes, so a chatty child cannot block), removed before `run` returns; stdin is `/dev/null`; the
/// environment and working directory are inherited; past the time limit, or when the calling task is
/// cancelled, the whole group gets SIGTERM and, two seconds later, SIGKILL; waiting polls with `Task.sleep`
/// and never blocks a thread for long.
struct ScriptProcess {
    /// How the child ended.
    struct Result: Sendable {
        enum Ending: Sendable, Equatable {
            case exited(Int32)
            case signalled(Int32)
            case timedOut
        }

        var ending: Ending
        var stdout: Data
        var stderr: String

        var succeeded: Bool { ending == .exited(0) }

        /// The non-empty lines of stderr.
        var stderrLines: [String] { ScriptProcess.lines(stderr) }

        /// `exit N`, `killed by signal N` or `timed out after Ns`, for log lines.
        func endingDescription(timeout: Duration) -> String {
            switch ending {
            case .exited(let code): return "exit \(code)"
            case .signalled(let signal): return "killed by signal \(signal)"
            case .timedOut: return "timed out after \(timeout.components.seconds)s"
            }
        }
    }

    /// The program could not be started.
    struct LaunchError: Error, CustomStringConvertible {
        var executable: String
        var code: Int32
        var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
    }

    let executable: String
    let arguments: [String]
    let timeout: Duration

    /// Starts the child and waits for it; throws `LaunchError` if it cannot be started, or
    /// `CancellationError` (after stopping it) if the task is cancelled.
    func run() async throws -> Result {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("octobatch-script-\(UUID().uuidString)")
        let outPath = base + ".out", errPath = base + ".err"
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let pid = try spawn(stdout: outPath, stderr: errPath)
        let ending: Result.Ending
        do {
            ending = try await wait(for: pid)
        } catch {
            _ = stop(pid)
            throw error
        }
        let stdout = FileManager.default.contents(atPath: outPath) ?? Data()
        let stderr = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return Result(ending: ending, stdout: stdout, stderr: stderr)
    }

    /// `posix_spawn` with stdin from /dev/null, stdout and stderr to the files, in a new process group.
    private func spawn(stdout: String, stderr: String) throws -> pid_t {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard code == 0 else { throw LaunchError(executable: executable, code: code) }
        return pid
    }

    /// Polls until the child exits, or the time limit passes and it was stopped.
    private func wait(for pid: pid_t) async throws -> Result.Ending {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var pause = Duration.milliseconds(2)
        while true {
            if let ending = Self.reap(pid, blocking: false) { return ending }
            if clock.now >= deadline {
                _ = stop(pid)
                return .timedOut
            }
            try await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(100))
        }
    }

    /// SIGTERM to the child's group, then SIGKILL if the child has not exited two seconds later; reaps it.
    /// (It sleeps with `usleep`, because a cancelled task's `Task.sleep` returns at once.)
    private func stop(_ pid: pid_t) -> Result.Ending? {
        kill(-pid, SIGTERM)
        for _ in 0..<100 {
            if let ending = Self.reap(pid, blocking: false) {
                kill(-pid, SIGKILL)   // grandchildren that ignored SIGTERM
                return ending
            }
            usleep(20_000)
        }
        kill(-pid, SIGKILL)
        return Self.reap(pid, blocking: true)
    }

    /// `waitpid` on the child: nil while it runs; `.exited(-1)` if it can no longer be waited for.
    private static func reap(_ pid: pid_t, blocking: Bool) -> Result.Ending? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if result == 0 { return nil }
            if result == pid { break }
            if errno == EINTR { continue }
            return .exited(-1)
        }
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    /// The lines of `text` that are not blank.
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { String($0) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}
