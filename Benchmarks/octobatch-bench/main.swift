import Foundation

/// `swift run -c release octobatch-bench <name> [args]`: performance checks anyone can run.
/// Each benchmark prints its own figures and the goal it is measured against.
let benchmarks: [(name: String, summary: String, run: ([String]) throws -> Void)] = [
    ("json", "JSONL read + parse + write of unit-like records (goal ≥ 100 MB/s)", jsonBenchmark),
    ("yaml", "load a generated ~1 MB items YAML file (goal < 100 ms)", yamlBenchmark),
    ("expressions", "Drunken Sailor random walks through the expression engine (goal: 1,000,000 in < 10 s)", expressionsBenchmark),
    ("templates", "render the Blackjack play_hand prompt for N units (goal ≥ 100,000 renders/s)", templatesBenchmark),
    ("validation", "parse + coerce + schema + rules of Drunken Sailor answers (goal ≥ 100,000/s)", validationBenchmark),
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = benchmarks.first(where: { $0.name == name }) else {
    print("usage: octobatch-bench <name> [options]\n")
    for benchmark in benchmarks { print("  \(benchmark.name.padding(toLength: 12, withPad: " ", startingAt: 0))\(benchmark.summary)") }
    exit(arguments.isEmpty ? 0 : 2)
}
do {
    try benchmark.run(Array(arguments.dropFirst()))
} catch {
    print("error: \(error)")
    exit(1)
}
