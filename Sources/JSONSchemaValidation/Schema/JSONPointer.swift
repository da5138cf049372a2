import Foundation
import Basics

/// RFC 6901 JSON Pointer helpers, and the URI-fragment form used inside `$ref`.
///
/// Invariant: a pointer is either empty (the whole document) or starts with `/`; tokens escape `~` as
/// `~0` and `/` as `~1`.
enum JSONPointer {
    static func escape(_ token: String) -> String {
        guard token.contains("~") || token.contains("/") else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func unescape(_ token: Substring) -> String {
        guard token.contains("~") else { return String(token) }
        return token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    /// The tokens of `pointer` (already percent-decoded), or nil when it is not a pointer.
    static func tokens(_ pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(unescape)
    }

    /// The value at `pointer` inside `document`, or nil.
    static func resolve(_ pointer: String, in document: Value) -> Value? {
        guard let tokens = tokens(pointer) else { return nil }
        var current = document
        for token in tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let array):
                guard let index = Int(token), index >= 0, index < array.count,
                      token == "0" || !token.hasPrefix("0") else { return nil }
                current = array[index]
            default:
                return nil
            }
        }
        return current
    }
}
