import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a helper program (a post-process or run-step script) to its end or its time limit, capturing its
/// output.
///
/// Invariants: stdout and stderr go to temporary files (never pipes, so a chatty child cannot block), which
/// are removed before `run` returns; stdin is `/dev/null`; the child inherits the environment and working
/// directory; past the time limit, or when the calling task is cancelled, the child gets SIGTERM and, two
/// seconds later, SIGKILL; waiting never blocks a thread (it polls with `Task.sleep`).
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

        /// `exit N`, `signal N` or `timed out after …`, for log lines.
        func endingDescription(timeout: Duration) -> String {
            switch ending {
            case .exited(let code): return "exit \(code)"
            case .signalled(let signal): return "killed by signal \(signal)"
            case .timedOut: return "timed out after \(timeout.components.seconds)s"
            }
        }
    }

    let executable: String
    let arguments: [String]
    let timeout: Duration

    /// Starts the child and waits for it; throws if it cannot be started or the task is cancelled.
    func run() async throws -> Result {
        let files = FileManager.default
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("octobatch-script-\(UUID().uuidString)")
        let outPath = base + ".out", errPath = base + ".err"
        guard files.createFile(atPath: outPath, contents: nil), files.createFile(atPath: errPath, contents: nil),
              let out = FileHandle(forWritingAtPath: outPath), let err = FileHandle(forWritingAtPath: errPath) else {
            try? files.removeItem(atPath: outPath)
            try? files.removeItem(atPath: errPath)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: base])
        }
        defer {
            try? out.close()
            try? err.close()
            try? files.removeItem(atPath: outPath)
            try? files.removeItem(atPath: errPath)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let timedOut: Bool
        do {
            timedOut = try await wait(for: process)
        } catch {
            stop(process)
            throw error
        }
        let ending: Result.Ending
        if timedOut {
            ending = .timedOut
        } else if process.terminationReason == .uncaughtSignal {
            ending = .signalled(process.terminationStatus)
        } else {
            ending = .exited(process.terminationStatus)
        }
        let stdout = files.contents(atPath: outPath) ?? Data()
        let stderr = String(decoding: files.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return Result(ending: ending, stdout: stdout, stderr: stderr)
    }

    /// Polls until the child exits (false) or the time limit passes and it was stopped (true).
    private func wait(for process: Process) async throws -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var pause = Duration.milliseconds(2)
        while process.isRunning {
            if clock.now >= deadline {
                stop(process)
                return true
            }
            try await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(100))
        }
        process.waitUntilExit()
        return false
    }

    /// SIGTERM, then SIGKILL if the child is still running two seconds later; returns once it has exited.
    /// (It sleeps with `usleep`, because a cancelled task's `Task.sleep` returns at once.)
    private func stop(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(2))
        while process.isRunning, clock.now < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The lines of `text` that are not blank.
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { String($0) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}
