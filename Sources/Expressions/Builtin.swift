import Basics
import Foundation

/// The builtin functions of the language (asteval's default symtable subset we implement): Python
/// builtins and the bare math functions.
///
/// Invariant: `rawValue` is the name the function is bound to; `Builtin(rawValue:)` is the lookup used when
/// a name is not bound in the context. Math constants are values, listed in `constants`.
public enum Builtin: String, Sendable, CaseIterable {
    case abs, all, any, bin, bool, chr, dict, dir, divmod, enumerate, filter, float, format, hex, int, isinstance
    case len, list, map, max, min, oct, ord, pow, range, repr, reversed, round, set, slice, sorted, str, sum
    case tuple, zip
    case sqrt, floor, ceil, log, log10, log2, exp, fabs, trunc, isnan, isinf, isfinite, sin, cos, tan, asin, acos
    case atan, atan2, sinh, cosh, tanh, degrees, radians, hypot, copysign, fmod, factorial, gcd

    /// Lookup by name (faster than `init(rawValue:)`'s linear scan).
    static let byName: [String: Builtin] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// Math constants bound by default (`pi`, `e`, `tau`, `inf`, `nan`).
    public static let constants: [String: Value] = [
        "pi": .double(Double.pi), "e": .double(M_E), "tau": .double(2 * Double.pi),
        "inf": .double(Double.infinity), "nan": .double(Double.nan),
    ]
}
