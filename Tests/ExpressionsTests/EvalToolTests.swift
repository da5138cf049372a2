import Basics
import Testing
@testable import Expressions

@Suite struct EvalToolTests {
    @Test(arguments: [
        ("{\"expr\": \"1 + 1\", \"context\": {}, \"seed\": null}", "{\"value\": 2}"),
        ("{\"expr\": \"x * 2\", \"context\": {\"x\": 21}, \"seed\": 5}", "{\"value\": 42}"),
        ("{\"expr\": \"random.random()\", \"seed\": 1}", "{\"value\": 0.13436424411240122}"),
        ("{\"expr\": \"(1, {2}, 'é')\"}", "{\"value\": [1, [2], \"\\u00e9\"]}"),
        ("{\"expr\": \"nope\"}", "{\"error\": \"NameError: name 'nope' is not defined\"}"),
        ("{\"expr\": \"1 +\"}", "{\"error\": \"SyntaxError: unexpected end of expression\"}"),
        ("{\"seed\": 1}", "{\"error\": \"invalid request: expected an object with a string \\\"expr\\\"\"}"),
    ])
    func respondsOneLinePerRequest(request: String, response: String) {
        #expect(EvalTool.respond(toLine: request) == response)
    }

    @Test func evaluateUsesTheSeed() throws {
        #expect(try EvalTool.evaluate("random.choice(['a', 'b'])", seed: 42) == "\"a\"")  // CPython: Random(42)
        #expect(try EvalTool.evaluate("position + 1", context: ["position": 4]) == "5")
    }
}
