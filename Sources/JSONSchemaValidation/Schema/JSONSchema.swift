import Basics

/// A Draft 2020-12 JSON Schema, checked against the meta-schema and compiled once into a node graph.
///
/// Invariants: immutable and Sendable, so one compiled schema serves any number of concurrent
/// validations; a `JSONSchema` only exists for a schema that compiled without errors (an invalid schema
/// yields diagnostics from `compile`, never a validation-time failure).
public struct JSONSchema: Sendable {
    /// How a schema is compiled and applied.
    public struct Options: Sendable {
        /// Treat `format` as an assertion (default: annotation only, as Draft 2020-12 and Python `jsonschema`).
        public var formatAssertion: Bool
        /// Check the schema against the 2020-12 meta-schema before compiling.
        public var checkAgainstMetaSchema: Bool

        public init(formatAssertion: Bool = false, checkAgainstMetaSchema: Bool = true) {
            self.formatAssertion = formatAssertion
            self.checkAgainstMetaSchema = checkAgainstMetaSchema
        }
    }

    let nodes: [SchemaNode]
    let resources: [SchemaResource]
    let root: Int
    let usesUnevaluated: Bool
    public let options: Options
    /// The schema as written.
    public let document: Value
    /// Findings that do not stop compilation (e.g. `schema.unknown-keyword` for a likely typo).
    public let warnings: [Diagnostic]

    /// The URI under which a schema without `$id` is known (relative references resolve against it).
    public static let defaultBaseURI = ""

    /// Compiles `document`. `file` names the schema in diagnostics and `text`, when given, is the JSON it
    /// was read from (diagnostics then carry line and column); `baseURI` is where it was retrieved from.
    public static func compile(_ document: Value, file: String? = nil, text: String? = nil,
                               baseURI: String = defaultBaseURI, registry: SchemaRegistry = SchemaRegistry(),
                               options: Options = Options()) throws(DiagnosticsError) -> JSONSchema {
        var compiler = SchemaCompiler(registry: registry, rootURI: baseURI)
        compiler.index.indexDocument(document, uri: baseURI, registry: registry)
        var problems: [SchemaProblem] = []
        if let entry = compiler.index.entries[stripFragment(baseURI) + "#"] {
            let root = compiler.compile(entry)
            problems = compiler.problems
            // The compiler's findings are the more specific; the meta-schema check covers the rest.
            if problems.isEmpty && options.checkAgainstMetaSchema {
                problems = MetaSchemaCheck.problems(for: document)
            }
            if problems.isEmpty {
                return JSONSchema(nodes: compiler.nodes, resources: compiler.resources, root: root,
                                  usesUnevaluated: compiler.usesUnevaluated, options: options, document: document,
                                  warnings: compiler.warnings.map { $0.diagnostic(file: file, text: text, severity: .warning) })
            }
        } else {
            problems = [SchemaProblem(id: "schema.invalid-schema", message: "the schema could not be indexed", pointer: "")]
        }
        throw DiagnosticsError(problems.map { $0.diagnostic(file: file, text: text) })
    }

    /// Parses and compiles a schema file's text; JSON syntax errors are located diagnostics.
    public static func load(text: String, file: String, baseURI: String = defaultBaseURI,
                            registry: SchemaRegistry = SchemaRegistry(),
                            options: Options = Options()) throws(DiagnosticsError) -> JSONSchema {
        let document: Value
        do {
            document = try JSONReader.parse(text)
        } catch {
            throw DiagnosticsError([.error("schema.invalid-json", error.message,
                                           at: SourceLocation(file: file, line: error.line, column: error.column))])
        }
        return try compile(document, file: file, text: text, baseURI: baseURI, registry: registry, options: options)
    }

    /// Every reason `instance` is invalid (empty when it is valid), in evaluation order.
    public func validate(_ instance: Value) -> [SchemaValidationError] {
        var evaluator = SchemaEvaluator(schema: self)
        var ignored = EvaluatedLocations()
        _ = evaluator.evaluate(root, instance, collect: true, &ignored)
        return evaluator.errors
    }

    /// Whether `instance` is valid; stops at the first failure.
    public func isValid(_ instance: Value) -> Bool {
        var evaluator = SchemaEvaluator(schema: self)
        var ignored = EvaluatedLocations()
        return evaluator.evaluate(root, instance, collect: false, &ignored)
    }
}
