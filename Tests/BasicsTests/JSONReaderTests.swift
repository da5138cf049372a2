import Basics
import Testing

@Suite struct JSONReaderTests {
    @Test(arguments: [
        ("1", Value.int(1)), ("-0", .int(0)), ("1.0", .double(1.0)), ("1e2", .double(100.0)),
        ("-1.5E-3", .double(-0.0015)), ("NaN", .double(.nan)), ("Infinity", .double(.infinity)),
        ("-Infinity", .double(-.infinity)), ("9223372036854775807", .int(Int.max)),
        ("-9223372036854775808", .int(Int.min)), ("\"\\u00e9\\ud83d\\ude00\"", .string("é😀")),
        ("\"\\ud800x\"", .string("\u{FFFD}x")), (" [1, {\"a\": null}] ", .array([1, ["a": nil]])),
        ("{\"a\": 1, \"a\": 2, \"b\": 3}", Value.object(["a": 2, "b": 3])),
        ("0.1", .double(0.1)), ("123456789012345678901234567890.0", .double(1.2345678901234568e29)),
        ("2.2250738585072014e-308", .double(2.2250738585072014e-308)),
    ])
    func parsesLikePython(text: String, expected: Value) throws {
        #expect(try JSONReader.parse(text) == expected)
    }

    @Test(arguments: [
        ("", "Expecting value", 1, 1),
        ("[1,]", "Expecting value", 1, 4),
        ("{\"a\" 1}", "Expecting ':' delimiter", 1, 6),
        ("[1 2]", "Expecting ',' delimiter", 1, 4),
        ("{\n  \"a\": tru\n}", "Expecting value", 2, 8),
        ("\"abc", "Unterminated string starting", 1, 1),
        ("\"a\u{1}\"", "Invalid control character", 1, 3),
        ("01", "Extra data", 1, 2),
        ("1.", "Extra data", 1, 2),
        ("[1] x", "Extra data", 1, 5),
        ("\"\\x\"", "Invalid \\escape", 1, 2),
        ("99999999999999999999", "Integer out of the 64-bit range", 1, 1),
        ("{\"é\": [1,,]}", "Expecting value", 1, 10),
    ])
    func reportsLineAndColumn(text: String, message: String, line: Int, column: Int) {
        #expect(throws: JSONError.self) { try JSONReader.parse(text) }
        do {
            _ = try JSONReader.parse(text)
        } catch {
            #expect(error.message == message)
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }

    @Test(arguments: [
        "9007199254740993.0", "9007199254740995.0", "9007199254740994.999", "18446744073709549568.0e0",
        "0.1", "0.30000000000000004", "142.85714285714286", "1.7976931348623157e308", "2.2250738585072014e-308",
        "4.9406564584124654e-324", "1234567890123456789e-30", "9.999999999999999e15", "1e23", "8.41e21",
        "0.000123456789012345678", "3.141592653589793238462643383279", "1e-64", "1e64", "1e-65", "123e65",
        "7.2057594037927933e16", "2.4703282292062327e-324", "5e-324", "-0.0", "-142.85714285714286",
    ])
    func decimalsRoundLikeFullPrecision(text: String) throws {
        guard case .double(let value) = try JSONReader.parse(text) else {
            Issue.record("\(text) did not parse as a float")
            return
        }
        #expect(value.bitPattern == Double(text)?.bitPattern)
    }

    @Test func repeatedKeysAreFoundWhateverTheirSpelling() throws {
        let text = #"{"a": 1, "_repetition_seed": 2, "\u0061": 3, "_repetition_see\u0064": 4, "abcdefghijklmnopq": 5, "abcdefghijklmnop\u0071": 6, "\u00e9": 7, "é": 8}"#
        let expected: Value = ["a": 3, "_repetition_seed": 4, "abcdefghijklmnopq": 6, "é": 8]
        #expect(try JSONReader.parse(text) == expected)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONError.self) { try JSONReader.parse(text) }
    }

    @Test func nestingUpToTheLimitParsesOnATaskThread() async throws {
        // Objects and arrays alternating, as deep as allowed, parsed where async code runs (a pool thread).
        let depth = JSONReader.maxDepth
        var text = ""
        for level in 0..<depth { text += level % 2 == 0 ? #"{"k": "# : "[" }
        text += "1"
        for level in (0..<depth).reversed() { text += level % 2 == 0 ? "}" : "]" }
        let source = text
        let parsed = try await Task.detached { try JSONReader.parse(source) }.value
        var value = parsed
        var levels = 0
        while true {
            if case .object(let object) = value, let inner = object["k"] { value = inner } else if case .array(let items) = value, let first = items.first { value = first } else { break }
            levels += 1
        }
        #expect(levels == depth)
        #expect(value == 1)
    }
}
