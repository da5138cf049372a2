import Foundation
import Basics
import YAML
import JSONSchemaValidation

/// `octobatch-bench validation [--count N] [--pipeline DIR]`: pushes N Drunken-Sailor-sized answers
/// (about one in four fenced, some with string numbers the coercion must fix, a few invalid) through
/// parse + coerce + schema + rules on one thread and prints answers per second. Goal: ≥ 100,000/s.
/// The schema and the `validation.analyze` rules are read from the Drunken Sailor pipeline
/// (default `../shared/octobatch-pipelines/DrunkenSailor`, i.e. run from the package root).
func validationBenchmark(arguments: [String]) throws {
    var count = 200_000
    var pipeline = "../shared/octobatch-pipelines/DrunkenSailor"
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
        switch argument {
        case "--count": count = iterator.next().flatMap { Int($0) } ?? count
        case "--pipeline": pipeline = iterator.next() ?? pipeline
        default: break
        }
    }
    let schemaPath = pipeline + "/schemas/analyze.json"
    let configPath = pipeline + "/config.yaml"
    guard let schemaText = try? String(contentsOfFile: schemaPath, encoding: .utf8) else {
        throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: schemaPath])
    }
    let schema = try JSONSchema.load(text: schemaText, file: schemaPath)
    let config = try YAMLLoader.loadValue(contentsOf: URL(fileURLWithPath: configPath)).get()
    let rules = try StepRules.compile(config["validation"]?["analyze"] ?? .null, step: "analyze",
                                      compiler: ExpressionsRuleCompiler(), file: configPath)
    let validator = StepAnswerValidator(step: "analyze", schema: schema, rules: rules)

    let answers = ValidationBenchmarkData.answers(count: count)
    let input: ValueObject = ["unit_id": "sailor_0001", "scenario_name": "calm_night", "start_position": 5,
                              "_repetition_seed": 123456, "retry_count": 0]
    var valid = 0
    var failed = 0
    let cpuStart = threadCPUSeconds()
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        for answer in answers {
            switch validator.validate(input: input, rawAnswer: answer) {
            case .valid: valid += 1
            case .failed: failed += 1
            }
        }
    }
    let cpu = threadCPUSeconds() - cpuStart
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let rate = Double(count) / max(seconds, 1e-9)
    let cpuRate = Double(count) / max(cpu, 1e-9)
    print("validation: \(count) answers in \(String(format: "%.3f", seconds)) s wall = \(Int(rate)) answers/s; "
          + "\(String(format: "%.3f", cpu)) s CPU = \(Int(cpuRate)) answers per CPU-second "
          + "(valid \(valid), failed \(failed); goal ≥ 100,000/s on one core)")
}

/// CPU time of the calling thread, so that the figure is meaningful on a machine shared with other work.
private func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Deterministic benchmark inputs.
enum ValidationBenchmarkData {
    static func answers(count: Int) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var out: [String] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            var position = 5
            var path: [Int] = [position]
            while position > 0 && position < 10 && path.count < 40 {
                position += next(2) == 0 ? -1 : 1
                path.append(position)
            }
            let outcome = position == 10 ? "reached_ship" : "fell_in_water"
            let final = i % 50 == 7 ? "\"\(position)\"" : "\(position)"
            let steps = i % 211 == 3 ? "-1" : "\(path.count - 1)"
            let body = "{\"scenario_name\": \"calm_night\", \"final_position\": \(final), \"steps_taken\": \(steps), "
                + "\"path\": [\(path.map(String.init).joined(separator: ", "))], \"outcome\": \"\(outcome)\"}"
            out.append(i % 4 == 0 ? "```json\n\(body)\n```" : body)
        }
        return out
    }
}
