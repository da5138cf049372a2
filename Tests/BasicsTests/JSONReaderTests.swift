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

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONError.self) { try JSONReader.parse(text) }
    }
}
