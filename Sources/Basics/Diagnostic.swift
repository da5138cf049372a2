/// A finding about user input: a config key, a template, an expression, a schema, a data file.
///
/// Invariants: `id` is stable and kebab-case with a dotted area prefix (`config.unknown-key`,
/// `template.undefined-variable`, `graph.cycle`); tests and `--json` consumers match on it. `message` is one
/// sentence without a trailing period. `location`, when present, is 1-based.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case note, warning, error

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        private var rank: Int {
            switch self {
            case .note: return 0
            case .warning: return 1
            case .error: return 2
            }
        }
    }

    /// A secondary remark, optionally at another location ("first defined here").
    public struct Note: Sendable, Hashable {
        public var message: String
        public var location: SourceLocation?
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    public var id: String
    public var message: String
    public var location: SourceLocation?
    public var notes: [Note]
    public var help: String?

    public init(
        _ severity: Severity, id: String, _ message: String, at location: SourceLocation? = nil,
        notes: [Note] = [], help: String? = nil
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.location = location
        self.notes = notes
        self.help = help
    }

    public static func error(_ id: String, _ message: String, at location: SourceLocation? = nil,
                             notes: [Note] = [], help: String? = nil) -> Diagnostic {
        Diagnostic(.error, id: id, message, at: location, notes: notes, help: help)
    }

    public static func warning(_ id: String, _ message: String, at location: SourceLocation? = nil,
                               notes: [Note] = [], help: String? = nil) -> Diagnostic {
        Diagnostic(.warning, id: id, message, at: location, notes: notes, help: help)
    }

    /// `path:line:col: error: message [id]` without source excerpt.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message) [\(id)]"
        return text
    }
}

/// Gathers the diagnostics of one phase so that all of them are reported together.
///
/// A value type: pass it `inout` through a loader, then read `diagnostics` or `hasErrors`.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    public mutating func add(contentsOf others: [Diagnostic]) { diagnostics.append(contentsOf: others) }

    public mutating func error(_ id: String, _ message: String, at location: SourceLocation? = nil,
                               notes: [Diagnostic.Note] = [], help: String? = nil) {
        add(.error(id, message, at: location, notes: notes, help: help))
    }

    public mutating func warning(_ id: String, _ message: String, at location: SourceLocation? = nil,
                                 notes: [Diagnostic.Note] = [], help: String? = nil) {
        add(.warning(id, message, at: location, notes: notes, help: help))
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}

/// A batch of diagnostics thrown as one error when a phase fails.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
