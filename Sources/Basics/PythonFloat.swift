/// Python's text forms of a float.
///
/// Swift's `Double.description` already produces the shortest round-trip digits with Python's thresholds
/// (scientific notation for exponents below -4 or from 16 on, `1e-05`, `1e+16`); this type only supplies
/// the names of the non-finite values, which differ between `repr` (`inf`, `nan`) and JSON (`Infinity`, `NaN`).
public enum PythonFloat {
    /// `repr(x)` (`json: false`) or the JSON token (`json: true`).
    public static func repr(_ value: Double, json: Bool = false) -> String {
        if value.isNaN { return json ? "NaN" : "nan" }
        if value.isInfinite {
            if json { return value < 0 ? "-Infinity" : "Infinity" }
            return value < 0 ? "-inf" : "inf"
        }
        return value.description
    }
}
