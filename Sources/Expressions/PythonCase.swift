/// CPython's case mappings, code point by code point (`unicodeobject.c`: `do_upper`, `do_lower`, `do_title`,
/// `do_capitalize`, `do_swapcase`, `istitle`, `isupper`, `islower`).
///
/// Swift's `Character`-based answers differ on combining marks, titlecase digraphs (`ǅ`) and ligatures,
/// and `String.lowercased()` ignores the final-sigma rule; these follow CPython: full mappings per code
/// point, capital sigma lowered to `ς` at the end of a word. Invariant: pure functions of the text.
public enum PythonCase {
    private static func append(_ mapping: String, to out: inout String.UnicodeScalarView) {
        out.append(contentsOf: mapping.unicodeScalars)
    }

    /// `lower_ucs4`: the full lowercase mapping, with CPython's Final_Sigma context for U+03A3.
    private static func lower(_ scalars: [Unicode.Scalar], _ i: Int, into out: inout String.UnicodeScalarView) {
        let c = scalars[i]
        guard c.value == 0x3A3 else { return append(c.properties.lowercaseMapping, to: &out) }
        var j = i - 1
        while j >= 0 && scalars[j].properties.isCaseIgnorable { j -= 1 }
        var finalSigma = j >= 0 && scalars[j].properties.isCased
        if finalSigma && i + 1 < scalars.count {
            var k = i + 1
            while k < scalars.count && scalars[k].properties.isCaseIgnorable { k += 1 }
            finalSigma = k == scalars.count || !scalars[k].properties.isCased
        }
        out.append(Unicode.Scalar(finalSigma ? 0x3C2 : 0x3C3) ?? c)
    }

    public static func lower(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        for i in scalars.indices { lower(scalars, i, into: &out) }
        return String(out)
    }

    public static func upper(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars { append(c.properties.uppercaseMapping, to: &out) }
        return String(out)
    }

    public static func title(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var previousIsCased = false
        for i in scalars.indices {
            if previousIsCased { lower(scalars, i, into: &out) } else { append(scalars[i].properties.titlecaseMapping, to: &out) }
            previousIsCased = scalars[i].properties.isCased
        }
        return String(out)
    }

    public static func capitalize(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        for i in scalars.indices {
            if i == 0 { append(scalars[i].properties.titlecaseMapping, to: &out) } else { lower(scalars, i, into: &out) }
        }
        return String(out)
    }

    public static func swapcase(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        for i in scalars.indices {
            let p = scalars[i].properties
            if p.isUppercase {
                lower(scalars, i, into: &out)
            } else if p.isLowercase {
                append(p.uppercaseMapping, to: &out)
            } else {
                out.append(scalars[i])
            }
        }
        return String(out)
    }

    private static func isTitlecase(_ c: Unicode.Scalar) -> Bool { c.properties.generalCategory == .titlecaseLetter }

    static func isUpper(_ s: String) -> Bool {
        var cased = false
        for c in s.unicodeScalars {
            if c.properties.isLowercase || isTitlecase(c) { return false }
            if c.properties.isUppercase { cased = true }
        }
        return cased
    }

    static func isLower(_ s: String) -> Bool {
        var cased = false
        for c in s.unicodeScalars {
            if c.properties.isUppercase || isTitlecase(c) { return false }
            if c.properties.isLowercase { cased = true }
        }
        return cased
    }

    static func isTitle(_ s: String) -> Bool {
        var cased = false, previousIsCased = false
        for c in s.unicodeScalars {
            if c.properties.isUppercase || isTitlecase(c) {
                if previousIsCased { return false }
                previousIsCased = true
                cased = true
            } else if c.properties.isLowercase {
                if !previousIsCased { return false }
                previousIsCased = true
                cased = true
            } else {
                previousIsCased = false
            }
        }
        return cased
    }
}
