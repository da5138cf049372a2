/// Every subcommand `octobatch` offers, in the order the help table lists them.
///
/// Adding a command: write `XCommand: Subcommand` in its own file and add it here. A command appears only
/// once it works; nothing is listed ahead of its implementation.
public enum CommandRegistry {
    public static let all: [any Subcommand.Type] = [
        RunCommand.self,
        StatusCommand.self,
        PsCommand.self,
        VerifyCommand.self,
        RepairCommand.self,
        ValidateCommand.self,
        PlanCommand.self,
        UnitsCommand.self,
        CheckCommand.self,
        RenderCommand.self,
        ModelsCommand.self,
        EvalCommand.self,
        HelpCommand.self,
    ]

    public static func command(named name: String) -> (any Subcommand.Type)? {
        all.first { $0.name == name }
    }

    public static var names: [String] { all.map { $0.name } }
}
