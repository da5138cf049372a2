import Basics
import Expressions
import Foundation

/// `octobatch eval EXPR [--context JSON|@file] [--seed N]` and `octobatch eval --jsonl` (requests on stdin).
struct EvalCommand: Subcommand {
    static let name = "eval"
    static let abstract = "Evaluate a pipeline expression (Python subset) and print the result as JSON"
    static let discussion = """
        The value is printed as Python's json.dumps would print it (tuples and sets as arrays). With --jsonl,
        each stdin line {"expr": "...", "context": {...}, "seed": N or null} gets one output line,
        {"value": ...} or {"error": "..."}, in order (a null seed is seed 0).

        EXAMPLES:
          octobatch eval "sum([1, 2, 3]) / 2"
          octobatch eval "random.choice(['a', 'b'])" --seed 42
          octobatch eval "position + 1" --context '{"position": 4}'
          octobatch eval "len(path)" --context @unit.json
          printf '%s\\n' '{"expr": "1 + 1", "context": {}, "seed": null}' | octobatch eval --jsonl
        """
    static let positionals = [PositionalSpec("EXPR", help: "The expression (omit with --jsonl)", optional: true)]
    static let options: [OptionSpec] = [
        .value("--context", "JSON|@FILE", help: "Names for the expression: a JSON object, or @path to a JSON file"),
        .value("--seed", "N", help: "Seed of the `random` object (default 0)"),
        .flag("--jsonl", help: "Read requests from stdin, one JSON object per line"),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        if arguments.flag("--jsonl") {
            if !arguments.positionals.isEmpty { throw UsageError("EXPR cannot be combined with --jsonl") }
            try context.stdin.forEachLine { line in
                if line.trimmingCharacters(in: .whitespaces).isEmpty { return }
                context.stdout.write(EvalTool.respond(toLine: line) + "\n")
            }
            return .success
        }
        guard let source = arguments.positionals.first else { throw UsageError("missing EXPR (or use --jsonl)") }
        let seed = try arguments.int("--seed") ?? 0
        var names = ValueObject()
        if var text = arguments.value("--context") {
            if text.hasPrefix("@") {
                let path = context.absolutePath(String(text.dropFirst()))
                guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw UsageError("cannot read context file \(path)")
                }
                text = contents
            }
            guard case .object(let object)? = try? JSONReader.parse(text) else {
                throw UsageError("--context must be a JSON object")
            }
            names = object
        }
        do throws(ExpressionError) {
            context.stdout.write(try EvalTool.evaluate(source, context: names, seed: seed) + "\n")
            return .success
        } catch {
            var message = error.description
            if let (line, column) = error.lineAndColumn(in: source) { message += " (at line \(line), column \(column))" }
            throw CommandFailure(message)
        }
    }
}
