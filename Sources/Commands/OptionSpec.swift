/// One option a subcommand accepts.
///
/// Invariants: `name` starts with `--`; `short`, if any, is `-` plus one character; a flag takes no value;
/// a value option's `valueName` is shown in help (`--model M`).
public struct OptionSpec: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case flag
        case value(valueName: String)
    }

    public var name: String
    public var short: String?
    public var kind: Kind
    public var help: String
    /// May be given several times (values accumulate).
    public var repeatable: Bool

    public static func flag(_ name: String, short: String? = nil, help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, kind: .flag, help: help, repeatable: false)
    }

    public static func value(_ name: String, _ valueName: String, short: String? = nil, help: String,
                             repeatable: Bool = false) -> OptionSpec {
        OptionSpec(name: name, short: short, kind: .value(valueName: valueName), help: help, repeatable: repeatable)
    }

    /// `--model M` / `-q, --quiet`.
    var synopsis: String {
        var text = short.map { "\($0), " } ?? ""
        text += name
        if case .value(let valueName) = kind { text += " \(valueName)" }
        return text
    }
}

/// A positional argument of a subcommand, for help text and arity checks.
public struct PositionalSpec: Sendable, Hashable {
    public var name: String
    public var help: String
    public var optional: Bool

    public init(_ name: String, help: String, optional: Bool = false) {
        self.name = name
        self.help = help
        self.optional = optional
    }
}
