import Basics
import Foundation
import Templates

/// `octobatch render TEMPLATE_FILE [--context JSON|@FILE]` and `octobatch render --jsonl`: renders Jinja
/// prompt templates exactly as the pipeline does (autoescape off, trailing newline kept, StrictUndefined).
/// The work is `Templates.Template`'s; this command reads files and JSON, and maps outcomes to exit codes:
/// a template syntax error exits 2 (located diagnostic), a render error exits 1 (located diagnostic).
/// A directory as first argument is reserved for `render PIPELINE --step S` (not implemented yet).
struct RenderCommand: Subcommand {
    static let name = "render"
    static let abstract = "Render a Jinja prompt template with a JSON context"
    static let discussion = """
        The context is a JSON object given inline or as @FILE. {% include %} resolves files next to the
        template. With --jsonl, reads {"template": "<text>", "context": {...}} lines on standard input and
        writes exactly one line per input, in order: {"output": "..."} or {"error": "..."}; exits 1 if any
        line failed.

        Examples:
          octobatch render templates/analyze.jinja2 --context '{"position": 3, "path": [5, 4, 3]}'
          octobatch render templates/play_hand.jinja2 --context @unit.json
          octobatch render --jsonl < requests.jsonl
          octobatch render pipelines/Blackjack --step play_hand --unit the_pro__rep0003
          octobatch render pipelines/NPCDialog --step score_consistency --context '{"greeting": "Hm.", "tone": "cold", "dialog": "NPC: …"}'
        With a PIPELINE, earlier expression steps are evaluated as in a run; fields that only earlier LLM
        steps produce come from --context.
        """
    static let positionals = [PositionalSpec("TEMPLATE_FILE|PIPELINE", help: "The template to render, or a pipeline folder with --step",
                                             optional: true)]
    static let options: [OptionSpec] = [
        .value("--context", "JSON|@FILE", help: "The variables: a JSON object, or @path to a JSON file"),
        .flag("--jsonl", help: "Render {\"template\", \"context\"} lines from standard input"),
        .value("--step", "S", help: "With a PIPELINE: the LLM step whose prompt to show"),
        .value("--unit", "ID", help: "With a PIPELINE: the unit (default: the first)"),
        .value("--provider", "P", help: "With a PIPELINE: the provider to plan with (default mock; it does not change the prompt)"),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        if arguments.flag("--jsonl") {
            guard arguments.positionals.isEmpty, arguments.value("--context") == nil else {
                throw UsageError("--jsonl reads templates and contexts from standard input; give no TEMPLATE_FILE "
                                 + "or --context", command: name)
            }
            return try renderLines(context: context)
        }
        guard let file = arguments.positionals.first else { throw UsageError("missing TEMPLATE_FILE", command: name) }
        let path = context.absolutePath(file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure("cannot read \(file): no such file")
        }
        if isDirectory.boolValue || arguments.value("--step") != nil {
            return try renderStep(arguments, context: context)
        }
        let variables = try contextObject(arguments.value("--context"), context: context)
        let url = URL(fileURLWithPath: path)
        let directory = (file as NSString).deletingLastPathComponent
        let loader = TemplateDirectory(url.deletingLastPathComponent(), displayRoot: directory.isEmpty ? "." : directory)
        let template: Template
        do {
            template = try loader.template(named: url.lastPathComponent)
        } catch {
            if error.kind == .syntax || error.kind == .unsupported { throw DiagnosticsError([error.diagnostic]) }
            throw CommandFailure("cannot read \(file): \(error.message)")
        }
        do {
            context.stdout.write(try template.render(variables))
            return .success
        } catch {
            let renderer = DiagnosticRenderer(sources: sources(for: error, loader: loader), color: context.useColorOnStderr)
            context.stderr.write(renderer.render([error.diagnostic]))
            return .failure
        }
    }

    /// The source text of the file a render error points into, for the caret excerpt.
    private static func sources(for error: TemplateError, loader: TemplateDirectory) -> [String: String] {
        guard let file = error.location?.file else { return [:] }
        let name = String(file.dropFirst((loader.displayRoot ?? "").count)).drop { $0 == "/" }
        guard let data = FileManager.default.contents(atPath: loader.root.appendingPathComponent(String(name)).path)
        else { return [:] }
        return [file: String(decoding: data, as: UTF8.self)]
    }

    static func contextObject(_ option: String?, context: CommandContext) throws -> ValueObject {
        guard let option else { return ValueObject() }
        var text = option
        if option.hasPrefix("@") {
            let file = String(option.dropFirst())
            do {
                text = try String(contentsOfFile: context.absolutePath(file), encoding: .utf8)
            } catch {
                throw CommandFailure("cannot read \(file): \(error.localizedDescription)")
            }
        }
        let value: Value
        do {
            value = try JSONReader.parse(text)
        } catch {
            throw UsageError("--context is not valid JSON: \(error)", command: name)
        }
        guard case .object(let object) = value else {
            throw UsageError("--context must be a JSON object, not \(value.jsonTypeName)", command: name)
        }
        return object
    }

    /// `--jsonl`: one output line per non-blank input line; templates are compiled once per distinct text.
    private static func renderLines(context: CommandContext) throws -> ExitCode {
        var compiled: [String: Result<Template, TemplateError>] = [:]
        var failed = false
        try context.stdin.forEachLine { line in
            guard !line.allSatisfy(\.isWhitespace) else { return }
            let outcome = renderRequest(line, cache: &compiled)
            var record = ValueObject()
            switch outcome {
            case .success(let output): record["output"] = .string(output)
            case .failure(let message):
                record["error"] = .string(message.message)
                failed = true
            }
            context.stdout.line(JSONWriter.python(.object(record)))
        }
        return failed ? .failure : .success
    }

    private struct RequestError: Error { let message: String }

    private static func renderRequest(_ line: String, cache: inout [String: Result<Template, TemplateError>])
        -> Result<String, RequestError>
    {
        guard let request = try? JSONReader.parse(line), case .object(let object) = request else {
            return .failure(RequestError(message: "invalid request: expected a JSON object"))
        }
        guard case .string(let source)? = object["template"] else {
            return .failure(RequestError(message: "invalid request: \"template\" must be a string"))
        }
        let variables: ValueObject
        switch object["context"] {
        case nil, .null?: variables = ValueObject()
        case .object(let o)?: variables = o
        case let other?: return .failure(RequestError(message: "invalid request: \"context\" must be an object, not \(other.jsonTypeName)"))
        }
        let template: Template
        if let cached = cache[source] {
            switch cached {
            case .success(let t): template = t
            case .failure(let e): return .failure(RequestError(message: e.description))
            }
        } else {
            do {
                template = try Template(source: source, name: "<template>")
                cache[source] = .success(template)
            } catch {
                cache[source] = .failure(error)
                return .failure(RequestError(message: error.description))
            }
        }
        do {
            return .success(try template.render(variables))
        } catch {
            return .failure(RequestError(message: error.description))
        }
    }
}
