import Foundation
import Basics

/// Checks of the `format` keyword, used only when format assertion is switched on
/// (`JSONSchema.Options.formatAssertion`); by default `format` is an annotation, as in Draft 2020-12.
///
/// Invariants: non-strings always conform; unknown formats always conform. Checks are syntactic and
/// deliberately simple (see README for the list).
enum FormatChecker {
    static let known: Set<String> = ["date", "time", "date-time", "email", "ipv4", "ipv6", "uuid", "uri", "regex", "duration"]

    static func conforms(_ value: Value, to format: String) -> Bool {
        guard case .string(let s) = value else { return true }
        switch format {
        case "date": return matches(s, #"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"#)
        case "time": return matches(s, #"^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$"#)
        case "date-time":
            return matches(s, #"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$"#)
        case "email": return matches(s, #"^[^@\s]+@[^@\s]+$"#)
        case "ipv4": return matches(s, #"^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$"#)
        case "ipv6": return s.contains(":") && matches(s, #"^[0-9A-Fa-f:.]+$"#) && s.components(separatedBy: "::").count <= 2
        case "uuid": return matches(s, #"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"#)
        case "uri": return matches(s, #"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$"#)
        case "regex": return ECMARegex.compile(s) != nil
        case "duration": return matches(s, #"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$"#)
        default: return true
        }
    }

    private static func matches(_ s: String, _ pattern: String) -> Bool {
        s.range(of: pattern, options: .regularExpression) != nil
    }
}
