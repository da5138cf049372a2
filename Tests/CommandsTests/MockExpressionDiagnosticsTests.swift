import Foundation
import Testing

/// `validate` on `mock:` expressions: each sees the names before it, and diagnostics inside multi-line
/// expressions (our demos use `>-` blocks and YAML aliases) point at the scalar (or its anchor), not at a
/// column computed as if the text were one line; one-line plain and quoted expressions keep the exact column.
@Suite struct MockExpressionDiagnosticsTests {
    @Test func validateSeesEarlierMockNamesButNotUnknownOnes() async throws {
        let dir = NSTemporaryDirectory() + "octobatch-mock-names-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/templates", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "items: [{id: a, n: 1}]\n".write(toFile: dir + "/items.yaml", atomically: true, encoding: .utf8)
        try "n is {{ n }}\n".write(toFile: dir + "/templates/ask.jinja2", atomically: true, encoding: .utf8)
        func config(_ lastMock: String) -> String {
            """
            pipeline:
              steps:
                - name: ask
                  mock:
                    _double: "n * 2"
                    answer: "\(lastMock)"
            api: {provider: mock}
            processing: {strategy: direct, items: {source: items.yaml, key: items, name_field: id}}
            prompts: {templates: {ask: ask.jinja2}}
            validation: {ask: {required: [answer]}}

            """
        }
        try config("_double + 1").write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        let good = await ToolRun.run(["validate", dir])
        #expect(good.code == .success, "\(good.stderr)")
        #expect(!good.stderr.contains("error"), "\(good.stderr)")
        try config("_tripple + 1").write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        let bad = await ToolRun.run(["validate", dir])
        #expect(bad.code == .usage)
        #expect(bad.stderr.contains("name '_tripple' is not defined in the mock answer of 'ask'"))
    }

    @Test func undefinedNamesArePlacedAtTheirLineAndColumnInEveryScalarStyle() async throws {
        let dir = NSTemporaryDirectory() + "octobatch-locations-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/templates", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "items: [{id: a, n: 1}]\n".write(toFile: dir + "/items.yaml", atomically: true, encoding: .utf8)
        try "n is {{ n }}\n".write(toFile: dir + "/templates/ask.jinja2", atomically: true, encoding: .utf8)
        let config = """
            pipeline:
              steps:
                - name: ask
                  mock:
                    plain: n + zz1
                    quoted: "n + zz2"
                    folded: >-
                      n +
                      zz3
                    first: &shared "n + zz4"
                    second: *shared
                    syntax: >-
                      n +
                      (
            api: {provider: mock}
            processing: {strategy: direct, items: {source: items.yaml, key: items, name_field: id}}
            prompts: {templates: {ask: ask.jinja2}}
            validation: {ask: {required: [plain]}}

            """
        try config.write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        let run = await ToolRun.run(["validate", dir])
        #expect(run.code == .usage)
        let found = run.stderr.split(separator: "\n").compactMap { line -> String? in
            guard line.contains(": error: "), let range = line.range(of: "config.yaml:") else { return nil }
            let rest = line[range.upperBound...]
            let position = rest.prefix { $0 != " " }.dropLast()
            let name = rest.contains("'zz") ? String(rest[rest.range(of: "'zz")!.lowerBound...].prefix(5)) : "syntax"
            return "\(name)@\(position)"
        }
        // Plain, quoted and block texts are mapped to the exact line and column; an anchored value points at
        // its anchor and an alias at itself.
        #expect(found.sorted() == ["'zz1'@5:20", "'zz2'@6:22", "'zz3'@9:11", "'zz4'@10:16", "'zz4'@11:17", "syntax@14:12"],
                "\(run.stderr)")
    }
}
