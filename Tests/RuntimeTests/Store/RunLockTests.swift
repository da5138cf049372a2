import Foundation
import Runtime
import Testing

@Suite struct RunLockTests {
    @Test func secondHolderIsRefusedWithTheHolderPID() throws {
        let dir = try TemporaryDirectory()
        let first = try RunLock.acquire(runDirectory: dir.path, pid: 4242)
        #expect(first.isHeld)
        #expect(throws: RunLockError.heldByAnotherProcess(runDirectory: dir.path, pid: 4242)) {
            _ = try RunLock.acquire(runDirectory: dir.path, pid: 99)
        }
        let message = RunLockError.heldByAnotherProcess(runDirectory: dir.path, pid: 4242).description
        #expect(message.contains("process 4242"))
        first.release()
        #expect(!first.isHeld)
        let second = try RunLock.acquire(runDirectory: dir.path, pid: 99)
        #expect(RunLock.holderPID(path: second.path) == 99)
    }

    @Test func releasedWhenTheHolderGoesAway() throws {
        let dir = try TemporaryDirectory()
        do { _ = try RunLock.acquire(runDirectory: dir.path) }
        let again = try RunLock.acquire(runDirectory: dir.path)
        #expect(again.isHeld)
    }

    @Test func missingDirectoryIsACannotOpenError() {
        #expect {
            _ = try RunLock.acquire(runDirectory: "/nonexistent/octobatch/run")
        } throws: { error in
            if case RunLockError.cannotOpen = error { return true }
            return false
        }
    }
}

@Suite struct RunLockProcessTests {
    /// Another process holds the lock, is SIGKILLed, and the lock is free again (the kernel releases it).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
    func aKilledHolderReleasesTheLock() throws {
        let dir = try TemporaryDirectory()
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The shell opens the lock file as fd 9, locks it with flock(1), then becomes `cat`, which keeps fd 9
        // and blocks on its open stdin pipe until it is killed: no sleeping anywhere.
        holder.arguments = ["-c", "exec 9>>\"$1\"; /usr/bin/flock 9; exec cat", "sh", dir.file(".lock")]
        let input = Pipe()
        holder.standardInput = input
        try holder.run()
        let pid = holder.processIdentifier
        defer { kill(pid, SIGKILL) }
        var refused = false
        for _ in 0..<1_000_000 where !refused && holder.isRunning {
            do { try RunLock.acquire(runDirectory: dir.path).release() } catch { refused = true }
        }
        #expect(refused)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        let lock = try RunLock.acquire(runDirectory: dir.path)
        #expect(lock.isHeld)
    }
}
