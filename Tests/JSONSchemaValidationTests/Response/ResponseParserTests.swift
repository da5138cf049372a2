import Testing
import Basics
@testable import JSONSchemaValidation

@Suite struct ResponseParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var expected: String
        var repairs: [ResponseParser.Repair] = []
        var testDescription: String { name }
    }

    static let successes: [Case] = [
        Case(name: "plain object", text: #"{"a": 1}"#, expected: #"{"a": 1}"#),
        Case(name: "surrounding whitespace", text: "  \n\t{\"a\": 1}\n  ", expected: #"{"a": 1}"#),
        Case(name: "json fence", text: "```json\n{\"a\": 1}\n```", expected: #"{"a": 1}"#,
             repairs: [.fencedBlock(language: "json")]),
        Case(name: "JSON fence upper case tag", text: "```JSON\n{\"a\": 1}\n```", expected: #"{"a": 1}"#,
             repairs: [.fencedBlock(language: "json")]),
        Case(name: "fence with another language tag (K13)", text: "```python\n{\"a\": 1}\n```", expected: #"{"a": 1}"#,
             repairs: [.fencedBlock(language: "python")]),
        Case(name: "fence without tag", text: "```\n{\"a\": 1}\n```", expected: #"{"a": 1}"#,
             repairs: [.fencedBlock(language: "")]),
        Case(name: "prose before a fence", text: "Sure! Here it is:\n```json\n{\"a\": 1}\n```\nAnything else?",
             expected: #"{"a": 1}"#, repairs: [.fencedBlock(language: "json")]),
        Case(name: "unclosed fence", text: "```json\n{\"a\": 1}", expected: #"{"a": 1}"#,
             repairs: [.fencedBlock(language: "json")]),
        Case(name: "json block preferred over an earlier other block",
             text: "```text\nnot json\n```\n```json\n{\"a\": 2}\n```", expected: #"{"a": 2}"#,
             repairs: [.fencedBlock(language: "json")]),
        Case(name: "nested fences", text: "````markdown\n```json\n{\"a\": 1}\n```\n````", expected: #"{"a": 1}"#,
             repairs: [.fencedBlock(language: "markdown"), .extractedFromProse]),
        Case(name: "backticks inside a string in a fenced block",
             text: "```json\n{\"code\": \"```py\\nx\\n```\"}\n```", expected: #"{"code": "```py\nx\n```"}"#,
             repairs: [.extractedFromProse]),
        Case(name: "prose around bare JSON (K13)", text: "The result is {\"a\": 1} as requested.",
             expected: #"{"a": 1}"#, repairs: [.extractedFromProse]),
        Case(name: "braces inside strings do not confuse matching", text: "Answer: {\"a\": \"}{\", \"b\": [1]} done",
             expected: #"{"a": "}{", "b": [1]}"#, repairs: [.extractedFromProse]),
        Case(name: "first balanced candidate that parses wins", text: "use {curly} then {\"a\": 1}",
             expected: #"{"a": 1}"#, repairs: [.extractedFromProse]),
        Case(name: "top-level array", text: "[1, 2]", expected: "[1, 2]"),
        Case(name: "trailing commas", text: #"{"b": [1, 2,], }"#, expected: #"{"b": [1, 2]}"#,
             repairs: [.removedTrailingCommas]),
        Case(name: "trailing commas inside strings are kept (Python rewrites them)",
             text: #"{"a": "x,]", "b": [1,],}"#, expected: #"{"a": "x,]", "b": [1]}"#, repairs: [.removedTrailingCommas]),
        Case(name: "plus sign after colon", text: #"{"n": +5}"#, expected: #"{"n": 5}"#, repairs: [.removedPlusSigns]),
        Case(name: "plus signs in arrays", text: #"{"n": [+1, +2.5]}"#, expected: #"{"n": [1, 2.5]}"#,
             repairs: [.removedPlusSigns]),
        Case(name: "plus inside strings untouched", text: #"{"phone": "+1-555", "s": ": +5", "n": +5}"#,
             expected: #"{"phone": "+1-555", "s": ": +5", "n": 5}"#, repairs: [.removedPlusSigns]),
        Case(name: "valid JSON with a plus in a string is not repaired", text: #"{"phone": "a, +1"}"#,
             expected: #"{"phone": "a, +1"}"#),
        Case(name: "repairs inside a fenced block", text: "```json\n{\"n\": +5,}\n```", expected: #"{"n": 5}"#,
             repairs: [.fencedBlock(language: "json"), .removedTrailingCommas, .removedPlusSigns]),
        Case(name: "inline fence on one line", text: "Result: ```{\"a\": 1}``` done", expected: #"{"a": 1}"#,
             repairs: [.fencedBlock(language: "")]),
        Case(name: "JSON containing a fence marker in a string", text: #"{"a": "```json"}"#, expected: #"{"a": "```json"}"#),
        Case(name: "NaN is accepted like json.loads", text: #"{"a": NaN}"#, expected: #"{"a": NaN}"#),
    ]

    @Test(arguments: successes)
    func parses(_ c: Case) throws {
        let parsed = try ResponseParser.parse(c.text).get()
        #expect(JSONWriter.python(parsed.value) == c.expected)
        #expect(parsed.repairs == c.repairs)
    }

    static let failures: [(String, String)] = [
        ("", "Empty LLM response"),
        ("   \n ", "Empty LLM response"),
        ("I cannot answer that.", "LLM response contains no JSON object or array"),
        ("42", "LLM response contains no JSON object or array"),
        ("\"just a string\"", "LLM response contains no JSON object or array"),
        ("{\"a\": }", "LLM response is not valid JSON: "),
        ("```json\n{\"a\": \n```", "LLM response is not valid JSON: "),
    ]

    @Test(arguments: failures)
    func fails(_ text: String, _ messagePrefix: String) {
        guard case .failure(let failure) = ResponseParser.parse(text) else {
            Issue.record("expected a failure for \(text.debugDescription)")
            return
        }
        #expect(failure.message.hasPrefix(messagePrefix), "\(failure.message)")
    }
}
