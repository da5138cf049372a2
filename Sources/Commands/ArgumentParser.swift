import Basics

/// Parses one subcommand's arguments against its declared options and positionals.
///
/// Accepts `--name value`, `--name=value`, `-s value`, flags, `--` (everything after is positional) and `-`
/// (a positional meaning standard input). Rejects, with a `UsageError` that names the nearest valid option:
/// unknown options, a flag given a value, a value option without one, a non-repeatable option given twice,
/// and too many or too few positionals.
public struct ArgumentParser: Sendable {
    public let command: String
    public let options: [OptionSpec]
    public let positionals: [PositionalSpec]

    public init(command: String, options: [OptionSpec], positionals: [PositionalSpec]) {
        self.command = command
        self.options = options
        self.positionals = positionals
    }

    public func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments(command: command)
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
                result.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let spec = lookup(name) else {
                if isNegativeNumber(argument) {
                    result.positionals.append(argument)
                    continue
                }
                throw unknownOption(name)
            }
            switch spec.kind {
            case .flag:
                if inlineValue != nil {
                    throw UsageError("\(spec.name) does not take a value", command: command)
                }
                result.flags.insert(spec.name)
            case .value(let valueName):
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    throw UsageError("\(spec.name) needs a value (\(spec.name) \(valueName))", command: command)
                }
                if !spec.repeatable, result.values[spec.name] != nil {
                    throw UsageError("\(spec.name) is given more than once", command: command)
                }
                result.values[spec.name, default: []].append(value)
            }
        }
        let required = positionals.filter { !$0.optional }.count
        if result.positionals.count < required {
            let missing = positionals[result.positionals.count]
            throw UsageError("missing \(missing.name)", command: command)
        }
        if result.positionals.count > positionals.count {
            let extra = result.positionals[positionals.count]
            throw UsageError("unexpected argument '\(extra)'", command: command)
        }
        return result
    }

    private func lookup(_ name: String) -> OptionSpec? {
        options.first { $0.name == name || $0.short == name }
    }

    private func unknownOption(_ name: String) -> UsageError {
        let candidates = options.map(\.name) + ["--help"]
        return UsageError("unknown option '\(name)'", help: EditDistance.didYouMean(name, in: candidates),
                          command: command)
    }

    private func isNegativeNumber(_ text: String) -> Bool {
        text.count > 1 && Double(text) != nil
    }
}
