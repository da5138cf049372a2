/// `octobatch help [COMMAND]`: the overview, or one command's page.
struct HelpCommand: Subcommand {
    static let name = "help"
    static let abstract = "Show help for octobatch or one of its commands"
    static let positionals = [PositionalSpec("COMMAND", help: "The command to explain", optional: true)]
    static let options: [OptionSpec] = []

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        guard let name = arguments.positionals.first else {
            context.stdout.write(HelpFormatter.overview())
            return .success
        }
        guard let command = CommandRegistry.command(named: name) else {
            throw CommandLineTool.unknownCommand(name)
        }
        context.stdout.write(HelpFormatter.page(for: command))
        return .success
    }
}
