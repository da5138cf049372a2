/// One lexical token of an expression.
///
/// Invariants: `offset`/`length` are Unicode-scalar positions in the source. For `.string` tokens `text` is
/// the decoded value (escapes applied unless raw); for f-strings `text` is the raw body between the quotes
/// and `bodyOffset` is where that body starts. For `.name`, `.op` and numbers `text` is the source spelling.
struct Token: Sendable {
    /// The token class.
    enum Kind: Sendable, Equatable {
        case name, int, float, string, fstring, op, end
    }

    var kind: Kind
    var text: String
    var offset: Int
    var length: Int
    var intValue: Int = 0
    var doubleValue: Double = 0
    var bodyOffset: Int = 0

    func isOp(_ spelling: String) -> Bool { kind == .op && text == spelling }
    func isName(_ spelling: String) -> Bool { kind == .name && text == spelling }
}
