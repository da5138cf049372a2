/// Placeholder replaced below.
public enum CommandLineTool {
    public static func main(arguments: [String]) async -> Int32 { 0 }
}
