import Basics
import Expressions
import JSONSchemaValidation
import Pipeline
import Providers

/// Runs every step of one chunk in graph order, resuming from what the chunk's files already record.
///
/// Invariants: a unit settled for a step (valid, or failed for good) is never processed again for it; a
/// step whose inputs are empty (nothing valid upstream) makes no calls and hands nothing onward; a stop
/// (cost cap, time limit, interrupt, fatal provider error) leaves unsettled units pending, with the
/// step `in_progress`, so the next `run RUN_DIR` resumes them.
struct ChunkRunner {
    let plan: ExecutionPlan
    let store: RunStore
    let session: RunSession
    let services: RunServices
    let chunk: String
    let prompts: PromptContext

    var paths: ChunkPaths { store.chunk(chunk) }

    func run() async throws {
        var state = try store.readState(chunk)
        for step in plan.orderedSteps {
            try Task.checkCancellation()
            if await session.isStopped { return }
            if state[step.name].status == .done {
                let outcomes = try StepOutcomes.load(validated: paths.validated(step.name), failures: paths.failures(step.name))
                await session.setTotal(step.name, adding: state[step.name].valid + state[step.name].failed)
                await session.recordSettled(step: step.name, valid: state[step.name].valid,
                                            failed: outcomes.finalFailedIDs(maxRetries: services.maxRetries(for: step.name)).count)
                continue
            }
            let inputs = try self.inputs(for: step)
            var progress = state[step.name]
            progress.status = .inProgress
            progress.attempts += 1
            state[step.name] = progress
            try store.writeState(state)
            var finished = true
            if !inputs.isEmpty {
                switch step.work {
                case .expression(let work):
                    try await runExpression(step, work: work, inputs: inputs)
                case .fanOut(let field, let childField):
                    try await runFanOut(step, field: field, childField: childField, inputs: inputs)
                case .llm(let work):
                    finished = try await LLMStepRunner(runner: self, step: step, work: work)
                        .run(inputs: inputs, state: &state)
                }
            }
            let outcomes = try StepOutcomes.load(validated: paths.validated(step.name), failures: paths.failures(step.name))
            progress = state[step.name]
            progress.valid = outcomes.validIDs.count
            progress.failed = outcomes.finalFailedIDs(maxRetries: services.maxRetries(for: step.name)).count
            progress.status = finished ? .done : .inProgress
            state[step.name] = progress
            try store.writeState(state)
            await session.record("STEP", "\(chunk) \(step.name): \(progress.valid) valid, \(progress.failed) failed of \(inputs.count)"
                                 + (finished ? "" : " (stopped)"))
            if !finished { return }
        }
    }

    /// The records a step reads: the chunk's units for a root step; otherwise the validated records of its
    /// first dependency, joined by unit id with those of the others (later ones win on shared keys).
    func inputs(for step: PlannedStep) throws -> [ValueObject] {
        guard let primary = step.dependencies.first else { return try Self.records(paths.units) }
        var records = try Self.records(paths.validated(primary))
        for other in step.dependencies.dropFirst() {
            var byID: [String: ValueObject] = [:]
            for record in try Self.records(paths.validated(other)) {
                if let id = record["unit_id"]?.stringValue, byID[id] == nil { byID[id] = record }
            }
            records = records.compactMap { record in
                guard let id = record["unit_id"]?.stringValue, let extra = byID[id] else { return nil }
                return record.merging(extra)
            }
        }
        return records
    }

    /// Objects of a JSONL file, first occurrence of each unit id only (missing file: none).
    static func records(_ path: String) throws -> [ValueObject] {
        var seen = Set<String>()
        var result: [ValueObject] = []
        try JSONLScanner.forEachRecord(path: path) { value in
            guard case .object(let object) = value else { return }
            if let id = object["unit_id"]?.stringValue, !seen.insert(id).inserted { return }
            result.append(object)
        }
        return result
    }

    func runExpression(_ step: PlannedStep, work: ExpressionStep, inputs: [ValueObject]) async throws {
        let outcomes = try StepOutcomes.load(validated: paths.validated(step.name), failures: paths.failures(step.name))
        await session.setTotal(step.name, adding: inputs.count)
        let validated = try JSONLAppender(path: paths.validated(step.name))
        let failures = try JSONLAppender(path: paths.failures(step.name))
        defer { try? validated.close(); try? failures.close() }
        var settledBefore = (valid: 0, failed: 0)
        var pending: [ValueObject] = []
        for unit in inputs {
            let id = unit["unit_id"]?.stringValue ?? ""
            if outcomes.isSettled(id, maxRetries: services.maxRetries(for: step.name)) {
                if outcomes.validIDs.contains(id) { settledBefore.valid += 1 } else { settledBefore.failed += 1 }
            } else {
                pending.append(unit)
            }
        }
        // Blocks of pending units go through `run(units:)`, which seeds their generators several at a time.
        var blockStart = 0
        while blockStart < pending.count {
            try Task.checkCancellation()
            let block = Array(pending[blockStart..<min(blockStart + 256, pending.count)])
            blockStart += block.count
            for (unit, result) in zip(block, work.run(units: block)) {
                let id = unit["unit_id"]?.stringValue ?? ""
                switch result {
                case .success(var record):
                    if let validator = step.validator {
                        switch Self.check(record, with: validator) {
                        case .success(let checked):
                            record = checked
                        case .failure(let failure):
                            try failures.append(RuntimeFailure.record(
                                unitID: id, stage: failure.stage.rawValue, step: step.name, input: unit, rawResponse: nil,
                                errors: failure.errors, retryCount: services.maxRetries(for: step.name)))
                            await session.recordOutcome(step: step.name, valid: false, final: true, retried: false)
                            continue
                        }
                    }
                    try validated.append(.object(record))
                    await session.recordOutcome(step: step.name, valid: true, final: true, retried: false)
                case .failure(let failure):
                    // Deterministic: the same unit fails the same way again, so it is final (never dropped: K5).
                    try failures.append(RuntimeFailure.record(
                        unitID: id, stage: RuntimeFailure.expression, step: step.name, input: unit, rawResponse: nil,
                        errors: [ValidationIssue(path: "$", rule: "expression", message: failure.description)],
                        retryCount: services.maxRetries(for: step.name)))
                    await session.recordOutcome(step: step.name, valid: false, final: true, retried: false)
                }
            }
        }
        await session.recordSettled(step: step.name, valid: settledBefore.valid, failed: settledBefore.failed)
        try validated.sync()
        try failures.sync()
    }

    struct CheckFailure: Error {
        var stage: FailureStage
        var errors: [ValidationIssue]
    }

    /// Phase 1 and 2 on a computed record (expression steps with a `validation` or schema entry).
    static func check(_ record: ValueObject, with validator: StepAnswerValidator) -> Result<ValueObject, CheckFailure> {
        if let schema = validator.schema {
            let errors = schema.validate(.object(record))
            if !errors.isEmpty {
                return .failure(CheckFailure(stage: .schemaValidation, errors: errors.map {
                    ValidationIssue(path: $0.instancePath, rule: "schema_" + $0.keyword, message: $0.message)
                }))
            }
        }
        guard let rules = validator.rules else { return .success(record) }
        let outcome = rules.check(record)
        if !outcome.isValid { return .failure(CheckFailure(stage: .validation, errors: outcome.errors)) }
        var checked = record
        if !outcome.warnings.isEmpty { checked["_warnings"] = .array(outcome.warnings.map(\.value)) }
        return .success(checked)
    }

    /// One child unit per element of `field` (reference §1.9): `<parent>__fanNNN`, `_fan_index`, `_fan_parent_id`.
    func runFanOut(_ step: PlannedStep, field: String, childField: String, inputs: [ValueObject]) async throws {
        var doneParents = Set<String>()
        try JSONLScanner.forEachRecord(path: paths.validated(step.name)) { value in
            if let parent = value["_fan_parent_id"]?.stringValue { doneParents.insert(parent) }
        }
        try JSONLScanner.forEachRecord(path: paths.failures(step.name)) { value in
            if let id = value["unit_id"]?.stringValue { doneParents.insert(id) }
        }
        let validated = try JSONLAppender(path: paths.validated(step.name))
        let failures = try JSONLAppender(path: paths.failures(step.name))
        defer { try? validated.close(); try? failures.close() }
        for unit in inputs {
            let id = unit["unit_id"]?.stringValue ?? ""
            guard !doneParents.contains(id) else { continue }
            guard case .array(let elements)? = unit[field] else {
                try failures.append(RuntimeFailure.record(
                    unitID: id, stage: RuntimeFailure.expression, step: step.name, input: unit, rawResponse: nil,
                    errors: [ValidationIssue(path: "$.\(field)", rule: "fan_out",
                                             message: "'\(field)' is \(unit[field]?.jsonTypeName ?? "missing"), not a list")],
                    retryCount: services.maxRetries(for: step.name)))
                continue
            }
            for (index, element) in elements.enumerated() {
                var child = unit
                child["unit_id"] = .string(id + "__fan" + Self.padded(index))
                child[childField] = element
                child["_fan_index"] = .int(index)
                child["_fan_parent_id"] = .string(id)
                try validated.append(.object(child))
            }
            await session.setTotal(step.name, adding: elements.count)
            for _ in elements { await session.recordOutcome(step: step.name, valid: true, final: true, retried: false) }
        }
        try validated.sync()
        try failures.sync()
    }

    static func padded(_ n: Int) -> String {
        let digits = String(n)
        return digits.count >= 3 ? digits : String(repeating: "0", count: 3 - digits.count) + digits
    }
}
