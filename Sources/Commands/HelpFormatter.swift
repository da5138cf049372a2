/// Builds the help texts: the tool overview and one page per subcommand.
///
/// Invariant: option and argument columns are aligned within a page; lines carry no trailing spaces.
public enum HelpFormatter {
    public static func overview() -> String {
        var out = "\(ToolInfo.name) \(ToolInfo.version) — \(ToolInfo.summary)\n\n"
        out += "USAGE: \(ToolInfo.name) <command> [options]\n\n"
        out += "COMMANDS:\n"
        out += table(CommandRegistry.all.map { ($0.name, $0.abstract) })
        out += "\nOPTIONS:\n"
        out += table([("--version", "Print the version and exit"), ("-h, --help", "Show this help")])
        out += "\nRun '\(ToolInfo.name) help <command>' for the options of a command.\n"
        out += "Exit codes: 0 success, 1 the work failed, 2 usage or configuration error, 130 interrupted.\n"
        return out
    }

    public static func page(for command: any Subcommand.Type) -> String {
        var out = "USAGE: \(usageLine(for: command))\n\n\(command.abstract)\n"
        if !command.positionals.isEmpty {
            out += "\nARGUMENTS:\n"
            out += table(command.positionals.map { ($0.name, $0.help) })
        }
        out += "\nOPTIONS:\n"
        out += table(command.options.map { ($0.synopsis, $0.help) } + [("-h, --help", "Show help for this command")])
        if !command.discussion.isEmpty {
            out += "\n" + command.discussion
            if !command.discussion.hasSuffix("\n") { out += "\n" }
        }
        return out
    }

    public static func usageLine(for command: any Subcommand.Type) -> String {
        var parts = [ToolInfo.name, command.name]
        for positional in command.positionals {
            parts.append(positional.optional ? "[\(positional.name)]" : positional.name)
        }
        if !command.options.isEmpty { parts.append("[options]") }
        return parts.joined(separator: " ")
    }

    static func table(_ rows: [(String, String)]) -> String {
        let width = min(28, (rows.map { $0.0.count }.max() ?? 0) + 2)
        var out = ""
        for (left, right) in rows {
            if left.count + 2 > width {
                out += "  \(left)\n" + String(repeating: " ", count: width + 2) + right + "\n"
            } else {
                out += "  " + left + String(repeating: " ", count: width - left.count) + right + "\n"
            }
        }
        return out
    }
}
