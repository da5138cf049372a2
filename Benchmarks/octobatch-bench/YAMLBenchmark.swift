import Basics
import Foundation
import YAML

/// `octobatch-bench yaml [--iterations N] [--megabytes M]`: loads a generated items file (default ~1 MB)
/// N times and prints the median load time and throughput. Goal: a 1 MB items file in under 100 ms (release).
func yamlBenchmark(arguments: [String]) throws {
    var iterations = 20
    var megabytes = 1.0
    var index = 0
    while index < arguments.count {
        switch arguments[index] {
        case "--iterations" where index + 1 < arguments.count:
            iterations = max(1, Int(arguments[index + 1]) ?? iterations)
            index += 1
        case "--megabytes" where index + 1 < arguments.count:
            megabytes = max(0.01, Double(arguments[index + 1]) ?? megabytes)
            index += 1
        default:
            break
        }
        index += 1
    }

    let text = YAMLBenchmarkInput.itemsFile(targetBytes: Int(megabytes * 1_000_000))
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("octobatch-yaml-bench-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("items.yaml")
    try Data(text.utf8).write(to: url)
    let size = Double(text.utf8.count)

    // Warm up once and check the file really loads.
    let document = try YAMLLoader.document(contentsOf: url, displayPath: "items.yaml")
    let itemCount = document.value["items"]?.arrayValue?.count ?? 0

    let (wall, cpu) = BenchmarkClock.medians(runs: iterations) {
        _ = YAMLLoader.loadDocument(contentsOf: url, displayPath: "items.yaml")
    }
    let milliseconds = wall * 1000
    let throughput = size / 1_000_000 / wall
    print(String(
        format: "yaml: %.2f MB, %d items, median load %.2f ms wall, %.2f ms CPU over %d runs (%.1f MB/s; goal < 100 ms)",
        size / 1_000_000, itemCount, milliseconds, cpu * 1000, iterations, throughput))
}

/// Deterministic items-file text shaped like the demo pipelines' items.
///
/// Invariant: the same `targetBytes` always gives the same text, a single mapping `items:` holding a list.
enum YAMLBenchmarkInput {
    static func itemsFile(targetBytes: Int) -> String {
        var out = "# generated benchmark items\nitems:\n"
        out.reserveCapacity(targetBytes + 2_000)
        let moods = ["friendly", "aggressive", "desperate", "suspicious"]
        var number = 0
        while out.utf8.count < targetBytes {
            let mood = moods[number % moods.count]
            out += """
              - id: item_\(number)
                name: "Item number \(number) — the \(mood) one"
                enabled: \(number % 3 == 0 ? "yes" : "false")
                weight: \(Double(number % 1000) / 8.0)
                count: \(number * 37 % 10_007)
                mood: \(mood)
                tags: [alpha, beta, \(number % 7), "q\(number)"]
                stats:
                  strength: \(number % 18 + 3)
                  luck: \(Double(number % 100) / 100)
                  nested: {level: \(number % 5), label: 'L\(number % 11)', flag: \(number % 2 == 0 ? "on" : "off")}
                description: |
                  A wandering character who appears in scene \(number).
                  They speak plainly, carry \(number % 9) coins and remember
                  everything the player said about the \(mood) merchant.
                notes: >
                  Folded text that continues
                  over several lines for item \(number).

            """
            number += 1
        }
        return out
    }
}
