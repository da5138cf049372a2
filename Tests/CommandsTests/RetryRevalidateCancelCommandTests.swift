import Basics
import Commands
import Foundation
import TestSupport
import Testing

@Suite struct RetryRevalidateCancelCommandTests {
    /// NPCDialog with the mock provider and no retries: its rule step fails some units for good.
    @Test(.enabled(if: TestPaths.hasShared))
    func retryRevalidateAndCancelWorkOnARunDirectory() async throws {
        let pipeline = try #require(TestPaths.shared("octobatch-pipelines/NPCDialog")).path
        let run = FileManager.default.temporaryDirectory.appendingPathComponent("cmd-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: run) }
        let first = await ToolRun.run(["run", pipeline, "--provider", "mock", "--max-units", "4", "--max-retries", "0",
                                       "--run-dir", run, "-q"])
        #expect(first.code == .failure, "some units fail the consistency rules")

        let retry = await ToolRun.run(["retry", run, "--step", "score_consistency", "--max-retries", "1", "-q"])
        #expect(retry.stderr.contains("score_consistency: "))
        #expect(retry.stderr.contains("get up to 1 more attempt (retry budget now 1)"))
        let manifest = try JSONReader.parse(try String(contentsOfFile: run + "/MANIFEST.json", encoding: .utf8))
        #expect(manifest["metadata"]?["retry_bonus"]?["score_consistency"] == 1)

        let revalidate = await ToolRun.run(["revalidate", run])
        #expect(revalidate.code == .success)
        #expect(revalidate.stdout.contains("score_consistency: 0 of "))
        let unknown = await ToolRun.run(["revalidate", run, "--step", "nope"])
        #expect(unknown.code == .usage)

        let done = await ToolRun.run(["cancel", run])
        #expect(done.stdout.contains("is complete; nothing to cancel"))
        // A driver that died mid-run leaves "running" behind.
        let manifestPath = run + "/MANIFEST.json"
        try String(contentsOfFile: manifestPath, encoding: .utf8)
            .replacingOccurrences(of: "\"status\": \"complete\"", with: "\"status\": \"running\"")
            .write(toFile: manifestPath, atomically: true, encoding: .utf8)
        let cancel = await ToolRun.run(["cancel", run])
        #expect(cancel.code == .success)
        #expect(cancel.stdout.contains("is paused; resume with: octobatch run"))
        let status = await ToolRun.run(["status", run, "--json"])
        #expect(try JSONReader.parse(status.stdout)["status"] == "paused")
    }
}
