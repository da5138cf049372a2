import Foundation
import Basics

/// Compiles ECMA-262 patterns (as JSON Schema specifies) with `NSRegularExpression` (ICU).
///
/// Invariants: patterns are unanchored searches, as in ECMA-262 `RegExp.prototype.test`. The ASCII-only
/// ECMA classes `\d`, `\D`, `\w`, `\W` are rewritten to explicit ASCII classes (inside brackets as ranges
/// or ICU nested sets) because ICU's versions match all Unicode digits and letters; `$` outside brackets
/// becomes `\z` (ECMA's `$` does not match before a final newline). Known remaining difference (see README):
/// ICU accepts some syntax ECMA rejects (possessive quantifiers, `\Q…\E`).
enum ECMARegex {
    static func compile(_ source: String) -> CompiledPattern? {
        guard let regex = try? NSRegularExpression(pattern: translate(source), options: []) else { return nil }
        return CompiledPattern(source: source, regex: regex)
    }

    static func translate(_ source: String) -> String {
        guard source.contains("\\") || source.contains("$") else { return source }
        var out = ""
        var inClass = false
        var iterator = source.makeIterator()
        while let c = iterator.next() {
            if c == "\\" {
                guard let next = iterator.next() else { out.append(c); break }
                switch (next, inClass) {
                case ("d", false): out += "[0-9]"
                case ("D", false): out += "[^0-9]"
                case ("w", false): out += "[A-Za-z0-9_]"
                case ("W", false): out += "[^A-Za-z0-9_]"
                case ("d", true): out += "0-9"
                case ("w", true): out += "A-Za-z0-9_"
                case ("D", true): out += "[^0-9]"
                case ("W", true): out += "[^A-Za-z0-9_]"
                default: out.append(c); out.append(next)
                }
                continue
            }
            if c == "$" && !inClass {
                // ECMA-262 `$` (no multiline flag) is the end of input only; ICU's also matches before a final \n.
                out += "\\z"
                continue
            }
            if c == "[" && !inClass { inClass = true } else if c == "]" && inClass { inClass = false }
            out.append(c)
        }
        return out
    }
}
