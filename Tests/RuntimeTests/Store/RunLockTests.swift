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
