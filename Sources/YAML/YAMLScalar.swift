/// How a scalar was written in the source.
public enum YAMLScalarStyle: String, Sendable, Hashable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
}

/// A scalar's text exactly as libyaml decoded it (escapes processed, folding applied), with its style.
///
/// Invariant: `text` is the scalar's content, never its resolved value; resolution (int, bool, null …)
/// happens when converting to `Value`.
public struct YAMLScalar: Sendable, Hashable {
    public var text: String
    public var style: YAMLScalarStyle

    public init(text: String, style: YAMLScalarStyle) {
        self.text = text
        self.style = style
    }
}
