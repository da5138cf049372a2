import Foundation
import Basics

/// A rule's `error` text with `{field}` placeholders, split once into literal and field parts.
///
/// Invariants: a placeholder is `{key}` (any text without braces, so keys that are not identifiers work as
/// with the Python tool's per-key replacement); it is replaced by Python `str()` of the record's value when
/// the record has that key and left exactly as written otherwise. `{_computed}` is filled from the
/// `computed` argument (the left-hand side of the rule's first comparison) when that is available.
struct MessageTemplate: Sendable {
    /// A piece of the message: literal text, or the key of a placeholder.
    enum Part: Sendable {
        case literal(String)
        case field(String)
    }

    let parts: [Part]
    var usesComputed: Bool { parts.contains { if case .field("_computed") = $0 { return true } else { return false } } }

    init(_ text: String) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), Self.isPlaceholder(rest[afterOpen..<close]) {
                if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                parts.append(.field(String(rest[afterOpen..<close])))
                rest = rest[rest.index(after: close)...]
            } else {
                literal += "{"
                rest = rest[afterOpen...]
            }
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }

    static func isPlaceholder(_ text: Substring) -> Bool {
        !text.isEmpty && !text.contains("{")
    }

    func render(_ record: ValueObject, computed: Value? = nil) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let text): out += text
            case .field(let name):
                if name == "_computed", let computed {
                    out += computed.pythonStr
                } else if let value = record[name] {
                    out += value.pythonStr
                } else {
                    out += "{" + name + "}"
                }
            }
        }
        return out
    }
}

/// The left-hand side of the first comparison operator found by scanning `==, !=, >=, <=, >, <` in that
/// order (plain substring search, as the Python tool does), or nil when there is none.
func computedLeftHandSide(_ expression: String) -> String? {
    for op in ["==", "!=", ">=", "<=", ">", "<"] {
        if let range = expression.range(of: op) {
            let lhs = expression[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            return lhs.isEmpty ? nil : lhs
        }
    }
    return nil
}
