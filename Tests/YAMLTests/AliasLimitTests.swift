import Basics
import Testing
import YAML

/// Alias expansion is capped: alias bombs fail fast with `yaml.alias-limit` instead of exhausting memory.
struct AliasLimitTests {
    static let billionLaughs = """
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]

        """

    @Test func billionLaughsFailsWithAliasLimit() throws {
        let clock = ContinuousClock()
        var result: Result<Value, DiagnosticsError>?
        let elapsed = clock.measure { result = YAMLLoader.loadValue(source: Self.billionLaughs, path: "lol.yaml") }
        guard case .failure(let error) = try #require(result) else {
            Issue.record("billion laughs loaded")
            return
        }
        #expect(error.diagnostics.map(\.id) == ["yaml.alias-limit"])
        // 9 + 81 + … passes 1,000,000 nodes inside `g` (9⁷ ≈ 4.8 M), at one of its aliases.
        #expect(error.diagnostics.first?.location == SourceLocation(file: "lol.yaml", line: 7, column: 8, length: 2))
        #expect(elapsed < .seconds(5))
    }

    @Test func smallerCapStopsEarlier() throws {
        let source = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"
        #expect(throws: DiagnosticsError.self) {
            try YAMLLoader.value(source: source, path: "f.yaml", options: YAMLLoadOptions(aliasExpansionLimit: 10))
        }
        let value = try YAMLLoader.value(source: source, path: "f.yaml", options: YAMLLoadOptions(aliasExpansionLimit: 20))
        #expect(value == ["a": [1, 2, 3], "b": [[1, 2, 3], [1, 2, 3], [1, 2, 3]]])
    }

    @Test func mergeBombIsCapped() throws {
        var lines = ["l0: &l0 {k0: 0, k1: 1}"]
        for level in 1...40 {
            lines.append("l\(level): &l\(level) {<<: [*l\(level - 1), *l\(level - 1)], m\(level): \(level)}")
        }
        let result = YAMLLoader.loadValue(source: lines.joined(separator: "\n"), path: "merge.yaml")
        guard case .failure(let error) = result else {
            // Merging the same keys twice does not grow the result, but the flattened pair lists do.
            Issue.record("merge bomb loaded")
            return
        }
        #expect(error.diagnostics.map(\.id) == ["yaml.alias-limit"])
    }
}
