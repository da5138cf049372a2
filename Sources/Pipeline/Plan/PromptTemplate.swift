import Basics

/// A prompt template file of a step, read at plan time.
///
/// Invariant: `text` is the file's content as read when the plan was compiled; `path` is absolute and
/// `displayPath` is how diagnostics name it.
public struct PromptTemplate: Sendable {
    public let path: String
    public let displayPath: String
    public let text: String
}
