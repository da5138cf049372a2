import Basics

/// A decoded pipeline config: every key of the Python tool's format (reference §2) plus our extensions.
///
/// Invariants: produced by `PipelineConfigDecoder` only when it reported no errors; paths of nested
/// values are kept (`ConfigPath`) so later checks can point into the YAML; `configDirectory` is absolute.
public struct PipelineConfig: Sendable, Equatable {
    public struct Prompts: Sendable, Equatable {
        public var templateDirectory: String = "templates"
        public var templates: [String: String] = [:]
        public var globalContext: ValueObject = [:]
        public init() {}
    }

    public struct Schemas: Sendable, Equatable {
        public var schemaDirectory: String = "schemas"
        public var files: [String: String] = [:]
        public init() {}
    }

    public struct Rule: Sendable, Equatable {
        public var name: String
        public var expr: NamedSource
        public var error: String?
        public var when: NamedSource?
        public var isWarning: Bool
    }

    /// `validation.<step>`: phase-2 checks.
    public struct StepValidation: Sendable, Equatable {
        public var required: [String] = []
        public var types: [(field: String, type: String)] = []
        public var ranges: [(field: String, minimum: Double, maximum: Double)] = []
        public var enums: [(field: String, values: [Value])] = []
        public var rules: [Rule] = []
        public var path: ConfigPath

        public init(path: ConfigPath) { self.path = path }

        public static func == (a: StepValidation, b: StepValidation) -> Bool {
            a.required == b.required && a.types.elementsEqual(b.types, by: ==)
                && a.ranges.elementsEqual(b.ranges, by: ==) && a.enums.elementsEqual(b.enums, by: ==)
                && a.rules == b.rules && a.path == b.path
        }
    }

    public struct PostProcess: Sendable, Equatable {
        public enum Kind: String, Sendable { case script, gzip }
        public var name: String?
        public var kind: Kind
        public var script: String?
        public var arguments: [String] = []
        public var output: String?
        public var files: [String] = []
        public var keepOriginals: Bool = false
        public var path: ConfigPath
    }

    public var name: String
    public var configFile: String
    public var configDirectory: String
    public var steps: [StepConfig]
    public var processing: ProcessingConfig
    public var api: APIConfig
    public var prompts: Prompts
    public var schemas: Schemas
    public var validation: [String: StepValidation]
    public var postProcess: [PostProcess]
    public var monitoring: ValueObject
    /// The whole document, for the template context (`config`, and top-level sections flattened).
    public var document: ValueObject

    /// The steps that run per chunk (everything but `scope: run`), in order.
    public var chunkSteps: [StepConfig] { steps.filter { $0.scope != .run } }
    public var runSteps: [StepConfig] { steps.filter { $0.scope == .run } }

    public func step(named name: String) -> StepConfig? { steps.first { $0.name == name } }
}
