/// Name, version and one-line description of the tool.
public enum ToolInfo {
    public static let name = "octobatch"
    public static let version = "0.1.0"
    public static let summary =
        "runs LLM pipelines described in YAML: batch or realtime, validated, resumable, costed."
}
