import Basics
import Foundation
import JSONSchemaValidation

/// `octobatch check SCHEMA_FILE [INSTANCE_FILE|-] [--jsonl] [--json] [--format-assertion]`: validates JSON
/// instances against a Draft 2020-12 schema. The work is `JSONSchemaValidation.InstanceChecker`'s; this
/// command only reads files, picks the output form and the exit code (1 when any instance is invalid).
struct CheckCommand: Subcommand {
    static let name = "check"
    static let abstract = "Validate JSON instances against a JSON Schema (draft 2020-12)"
    static let discussion = """
        Reads the instance from INSTANCE_FILE, or from standard input when it is '-' or absent. An invalid
        schema is reported with file:line:column and exits 2. Exits 1 when any instance is invalid.

        Examples:
          octobatch check schemas/analyze.json answer.json
          octobatch check schemas/analyze.json results.jsonl --jsonl --json
        """
    static let positionals = [
        PositionalSpec("SCHEMA_FILE", help: "The JSON Schema"),
        PositionalSpec("INSTANCE_FILE", help: "The JSON instance, or '-' for standard input", optional: true),
    ]
    static let options: [OptionSpec] = [
        .flag("--jsonl", help: "Read one instance per line"),
        .flag("--json", help: "Write one JSON line per instance: {\"valid\": …, \"errors\": […]}"),
        .flag("--format-assertion", help: "Treat 'format' as an assertion instead of an annotation"),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        guard let schemaFile = arguments.positionals.first else {
            throw UsageError("missing SCHEMA_FILE", command: name)
        }
        let schemaText = try read(schemaFile, context: context)
        let options = JSONSchema.Options(formatAssertion: arguments.flag("--format-assertion"))
        let schema = try JSONSchema.load(text: schemaText, file: context.absolutePath(schemaFile), options: options)
        if !schema.warnings.isEmpty {
            let renderer = DiagnosticRenderer(sources: [context.absolutePath(schemaFile): schemaText], color: context.useColorOnStderr)
            context.stderr.write(renderer.render(schema.warnings))
        }
        let checker = InstanceChecker(schema: schema)
        let instanceFile = arguments.positionals.count > 1 ? arguments.positionals[1] : "-"
        let displayName = instanceFile == "-" ? "<stdin>" : instanceFile
        var allValid = true
        let report: (InstanceChecker.Result) -> Void = { result in
            if !result.isValid { allValid = false }
            if arguments.flag("--json") {
                context.stdout.line(InstanceChecker.jsonLine(result))
            } else if !result.isValid {
                let diagnostics = InstanceChecker.diagnostics(result, file: displayName)
                let renderer = DiagnosticRenderer(sources: [displayName: result.text], color: context.useColor)
                context.stdout.write(renderer.render(diagnostics))
            }
        }
        if arguments.flag("--jsonl") {
            let source: any InputSource = instanceFile == "-"
                ? context.stdin : StringInputSource(try read(instanceFile, context: context))
            var number = 0
            try source.forEachLine { line in
                number += 1
                if let result = checker.check(jsonlLine: line, number: number) { report(result) }
            }
        } else {
            let text = instanceFile == "-" ? try context.stdin.readAll() : try read(instanceFile, context: context)
            report(checker.check(text: text))
        }
        if allValid && !arguments.flag("--json") { context.stderr.line("valid") }
        return allValid ? .success : .failure
    }

    private static func read(_ path: String, context: CommandContext) throws -> String {
        do {
            return try String(contentsOfFile: context.absolutePath(path), encoding: .utf8)
        } catch {
            throw CommandFailure("cannot read \(path): \(error.localizedDescription)")
        }
    }
}
