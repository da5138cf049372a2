import Basics

/// The work behind `octobatch eval`: evaluate one expression with a JSON context and a seed, or answer a
/// stream of JSONL requests (`{"expr", "context", "seed"}` → `{"value": ...}` or `{"error": "..."}`).
///
/// Invariants: results are written with `JSONWriter.python` (tuples and sets as arrays); a null or missing
/// seed means seed 0; every request line gets exactly one response line.
public enum EvalTool {
    /// Evaluates `source` and returns the value as Python-compatible JSON.
    public static func evaluate(_ source: String, context: ValueObject = [:], seed: Int = 0) throws(ExpressionError) -> String {
        let value = try CompiledExpression(source).evaluate(context: context, random: PythonRandom(seed: seed))
        return JSONWriter.python(value)
    }

    /// The response line (without newline) for one JSONL request line.
    public static func respond(toLine line: String) -> String {
        func errorLine(_ message: String) -> String { JSONWriter.python(.object(["error": .string(message)])) }
        let request: Value
        do {
            request = try JSONReader.parse(line)
        } catch let failure {
            return errorLine("invalid request: \(failure)")
        }
        guard case .object(let fields) = request, case .string(let source)? = fields["expr"] else {
            return errorLine("invalid request: expected an object with a string \"expr\"")
        }
        var context = ValueObject()
        switch fields["context"] {
        case .object(let o)?: context = o
        case nil, .null?: break
        default: return errorLine("invalid request: \"context\" must be an object")
        }
        var seed = 0
        switch fields["seed"] {
        case .int(let s)?: seed = s
        case nil, .null?: break
        default: return errorLine("invalid request: \"seed\" must be an integer or null")
        }
        do throws(ExpressionError) {
            let value = try CompiledExpression(source).evaluate(context: context, random: PythonRandom(seed: seed))
            var response = ValueObject()
            response["value"] = value
            return JSONWriter.python(.object(response))
        } catch let failure {
            return errorLine(failure.description)
        }
    }
}
