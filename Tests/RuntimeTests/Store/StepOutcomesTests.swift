import Basics
import Runtime
import Testing

@Suite struct StepOutcomesTests {
    @Test func validWinsAndTheLastFailureRecordCounts() throws {
        let dir = try TemporaryDirectory()
        try dir.write("""
            {"unit_id": "a", "x": 1}
            {"unit_id": "b", "x": 2}
            {"unit_id": "a", "x": 1}
            {"unit_id": "c", "x": 
            """, to: "v.jsonl")   // torn last line: ignored
        try dir.write("""
            {"unit_id": "b", "failure_stage": "schema_validation", "retry_count": 0}
            {"unit_id": "d", "failure_stage": "validation", "retry_count": 0}
            {"unit_id": "d", "failure_stage": "validation", "retry_count": 5}
            {"unit_id": "e", "failure_stage": "pipeline_internal", "retry_count": 0}
            {"unit_id": "f", "retry_count": 1}

            """, to: "f.jsonl")
        let outcomes = try StepOutcomes.load(validated: dir.file("v.jsonl"), failures: dir.file("f.jsonl"))
        #expect(outcomes.validIDs == ["a", "b"])
        #expect(outcomes.validLines == 3)
        #expect(outcomes.failures.keys.sorted() == ["d", "e", "f"])
        #expect(outcomes.finalFailedIDs(maxRetries: 5) == ["d", "e"])
        #expect(outcomes.retryableFailedIDs(maxRetries: 5) == ["f"])
        #expect(outcomes.isSettled("a", maxRetries: 5) && outcomes.isSettled("e", maxRetries: 5))
        #expect(!outcomes.isSettled("f", maxRetries: 5) && !outcomes.isSettled("zzz", maxRetries: 5))
        #expect(outcomes.isSettled("f", maxRetries: 1))
    }

    @Test func missingFilesAreEmptyAndMidFileGarbageIsAnError() throws {
        let dir = try TemporaryDirectory()
        let empty = try StepOutcomes.load(validated: dir.file("none.jsonl"), failures: dir.file("none2.jsonl"))
        #expect(empty == StepOutcomes())
        try dir.write("{\"unit_id\": \"a\"}\nnot json\n{\"unit_id\": \"b\"}\n", to: "bad.jsonl")
        #expect(throws: RunStoreError.self) { _ = try StepOutcomes.load(validated: dir.file("bad.jsonl"), failures: dir.file("none")) }
    }
}
