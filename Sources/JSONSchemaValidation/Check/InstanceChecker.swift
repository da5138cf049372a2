import Basics

/// The whole job of `octobatch check SCHEMA [INSTANCE|-] [--jsonl] [--json]`, without a command line:
/// validate one JSON document (or one per line) against a compiled schema and describe each result either
/// as located diagnostics (text) or as one JSON line `{"valid": …, "errors": [{"path", "keyword", "message"}]}`.
///
/// Invariants: an instance that is not JSON is reported like an invalid instance (keyword `json`), never
/// thrown; an instance's errors are located at the instance value they concern (line and column in the
/// instance text, plus the line number in a JSONL file); the checker holds no mutable state.
public struct InstanceChecker: Sendable {
    public let schema: JSONSchema

    public init(schema: JSONSchema) {
        self.schema = schema
    }

    /// The result for one instance.
    public struct Result: Sendable {
        /// 1-based line of the instance in a JSONL input (nil for a single document).
        public var line: Int?
        public var errors: [SchemaValidationError]
        /// The instance text, for locating errors.
        public var text: String
        public var isValid: Bool { errors.isEmpty }
    }

    /// Checks one instance given as JSON text.
    public func check(text: String, line: Int? = nil) -> Result {
        do {
            let instance = try JSONReader.parse(text)
            return Result(line: line, errors: schema.validate(instance), text: text)
        } catch {
            let failure = SchemaValidationError(instancePath: "$", schemaPath: "", keyword: "json",
                                                message: "Invalid JSON: \(error.description)")
            return Result(line: line, errors: [failure], text: text)
        }
    }

    /// Checks line `number` (1-based) of a JSONL input; nil for a blank line, which is skipped.
    public func check(jsonlLine line: String, number: Int) -> Result? {
        guard line.contains(where: { !$0.isWhitespace }) else { return nil }
        return check(text: line, line: number)
    }

    /// `{"valid": true|false, "errors": [{"path": …, "keyword": …, "message": …}]}` (Python json.dumps form).
    public static func jsonLine(_ result: Result) -> String {
        let errors: [Value] = result.errors.map {
            ["path": .string($0.instancePath), "keyword": .string($0.keyword), "message": .string($0.message)]
        }
        return JSONWriter.python(["valid": .bool(result.isValid), "errors": .array(errors)])
    }

    /// The errors of `result` as diagnostics located in the instance file (`file:line:column`).
    public static func diagnostics(_ result: Result, file: String) -> [Diagnostic] {
        result.errors.map { error in
            var line = result.line ?? 1
            var column = 1
            if error.keyword != "json", let position = JSONSourceLocator.position(of: error.instancePointer, in: result.text) {
                line = (result.line ?? 1) + position.line - 1
                column = position.column
            }
            let origin = error.keyword == "json" ? "" : " (\(error.keyword) at \(error.schemaPath))"
            return Diagnostic.error("check.invalid-instance", "\(error.instancePath): \(error.message)" + origin,
                                    at: SourceLocation(file: file, line: line, column: column))
        }
    }
}
