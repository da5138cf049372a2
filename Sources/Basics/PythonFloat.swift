/// Python's text forms of a float.
///
/// Swift's `Double.description` produces the shortest round-trip digits with Python's thresholds (`1e-05`,
/// `1e+16`) except between 2^53 and 1e16, where Swift already uses exponent form and Python does not; this
/// type corrects that range and names the non-finite values, which differ between `repr` (`inf`, `nan`) and
/// JSON (`Infinity`, `NaN`).
public enum PythonFloat {
    /// `repr(x)` (`json: false`) or the JSON token (`json: true`).
    public static func repr(_ value: Double, json: Bool = false) -> String {
        if value.isNaN { return json ? "NaN" : "nan" }
        if value.isInfinite {
            if json { return value < 0 ? "-Infinity" : "Infinity" }
            return value < 0 ? "-inf" : "inf"
        }
        // Swift switches to exponent form from 2^53 on, Python only from 1e16. Every double in between is an
        // integer, so Python's form is its digits and ".0".
        if value.magnitude >= 9_007_199_254_740_992, value.magnitude < 1e16 {
            return String(Int64(value)) + ".0"
        }
        return value.description
    }
}
