/// One lexical token of a template: literal text, a tag delimiter, or a token of a tag's expression.
///
/// Invariant: `offset` is the position of the token's first scalar in the newline-normalised source (see
/// `SourceText`), so a location can always be recovered from it.
struct Token: Sendable {
    /// What the token is; names, strings and numbers carry their decoded value.
    enum Kind: Sendable, Equatable {
        /// Template text outside tags, already stripped as `-` markers require.
        case data(String)
        case variableBegin, variableEnd, blockBegin, blockEnd
        case name(String)
        case string(String)
        case integer(Int)
        case float(Double)
        /// An operator or punctuation (`+`, `//`, `==`, `(`, `|`, …) spelled as in the source.
        case op(String)
        case end
    }

    var kind: Kind
    var offset: Int

    /// How Jinja2 describes the token in "unexpected …" messages.
    var description: String {
        switch kind {
        case .data: return "template data"
        case .variableBegin: return "begin of print statement"
        case .variableEnd: return "end of print statement"
        case .blockBegin: return "begin of statement block"
        case .blockEnd: return "end of statement block"
        case .name(let n): return n
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .float(let d): return String(d)
        case .op(let o): return o
        case .end: return "end of template"
        }
    }

    func isName(_ name: String) -> Bool {
        if case .name(let n) = kind { return n == name }
        return false
    }

    func isOp(_ op: String) -> Bool {
        if case .op(let o) = kind { return o == op }
        return false
    }
}
