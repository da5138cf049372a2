import Basics
import Foundation

/// `int()`, `float()`, `dict()`, `isinstance()` and three-argument `pow()` with CPython's parsing rules.
enum Conversions {
    typealias Args = ExpressionCompiler.Arguments

    static func int(_ a: Args) throws(ExpressionError) -> RuntimeValue {
        let p = a.positional
        if p.isEmpty { return .int(0) }
        let baseValue = p.count > 1 ? p[1] : Builtins.keyword(a, "base")
        if let baseValue {
            guard case .value(.string(let s)) = p[0] else { throw .type("int() can't convert non-string with explicit base") }
            return .int(try parseInt(s, base: try RandomMethods.int(baseValue, "int")))
        }
        switch p[0] {
        case .value(.int(let i)): return .int(i)
        case .value(.bool(let b)): return .int(b ? 1 : 0)
        case .value(.double(let d)):
            if d.isNaN { throw .value("cannot convert float NaN to integer") }
            if d.isInfinite { throw .overflow("cannot convert float infinity to integer") }
            guard let i = Int(exactly: d.rounded(.towardZero)) else { throw .overflow() }
            return .int(i)
        case .value(.string(let s)): return .int(try parseInt(s, base: 10))
        default: throw .type("int() argument must be a string, a bytes-like object or a real number, not '\(PythonRuntime.typeName(p[0]))'")
        }
    }

    static func parseInt(_ text: String, base: Int) throws(ExpressionError) -> Int {
        var s = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let invalid = ExpressionError.value("invalid literal for int() with base \(base): \(Value.string(text).pythonRepr)")
        var negative = false
        if s.hasPrefix("-") || s.hasPrefix("+") { negative = s.hasPrefix("-"); s.removeFirst() }
        var radix = base
        let lower = s.lowercased()
        for (prefix, r) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) && (base == r || base == 0) {
            radix = r
            s.removeFirst(2)
            if s.hasPrefix("_") { s.removeFirst() }
        }
        if radix == 0 { radix = 10 }
        guard (2...36).contains(radix), !s.isEmpty, !s.hasPrefix("_"), !s.hasSuffix("_"), !s.contains("__") else { throw invalid }
        let digits = s.replacingOccurrences(of: "_", with: "")
        guard digits.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { throw invalid }
        if base == 0 && radix == 10 && digits.count > 1 && digits.hasPrefix("0") && digits.contains(where: { $0 != "0" }) { throw invalid }
        guard let magnitude = UInt64(digits, radix: radix) else {
            if digits.allSatisfy({ Int(String($0), radix: radix) != nil }) { throw .overflow("int too large (integers are limited to 64 bits)") }
            throw invalid
        }
        if negative {
            if magnitude > UInt64(Int.max) + 1 { throw .overflow("int too large (integers are limited to 64 bits)") }
            return magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt64(Int.max) else { throw .overflow("int too large (integers are limited to 64 bits)") }
        return Int(magnitude)
    }

    static func float(_ a: Args) throws(ExpressionError) -> RuntimeValue {
        let p = a.positional
        if p.isEmpty { return .value(.double(0)) }
        switch p[0] {
        case .value(.int(let i)): return .value(.double(Double(i)))
        case .value(.bool(let b)): return .value(.double(b ? 1 : 0))
        case .value(.double(let d)): return .value(.double(d))
        case .value(.string(let text)):
            let s = text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "_", with: "")
            let lower = s.lowercased()
            switch lower {
            case "inf", "+inf", "infinity", "+infinity": return .value(.double(.infinity))
            case "-inf", "-infinity": return .value(.double(-.infinity))
            case "nan", "+nan", "-nan": return .value(.double(.nan))
            default: break
            }
            guard !s.isEmpty, s.allSatisfy({ "0123456789.eE+-".contains($0) }), let d = Double(s) else {
                throw .value("could not convert string to float: \(Value.string(text).pythonRepr)")
            }
            return .value(.double(d))
        default: throw .type("float() argument must be a string or a real number, not '\(PythonRuntime.typeName(p[0]))'")
        }
    }

    static func dict(_ a: Args, _ env: Environment) throws(ExpressionError) -> RuntimeValue {
        var object = ValueObject()
        if let first = a.positional.first {
            if case .value(.object(let o)) = first {
                object = o
            } else {
                for pair in try Builtins.values(first, env) {
                    guard let items = pair.arrayValue, items.count == 2 else {
                        throw .value("dictionary update sequence element has wrong length")
                    }
                    object[try ExpressionCompiler.dictKey(.value(items[0]))] = items[1]
                }
            }
        }
        for (k, v) in a.keywords { object[k] = try v.toValue() }
        return .value(.object(object))
    }

    static func isinstance(_ a: Args) throws(ExpressionError) -> RuntimeValue {
        guard a.positional.count == 2 else { throw .type("isinstance expected 2 arguments") }
        let value = a.positional[0], type = a.positional[1]
        if case .value(.tuple(let types)) = type {
            _ = types
            throw ExpressionError(.notSupported, "isinstance() with a tuple of types is not supported")
        }
        if case .value(let v) = value, case .builtin(let b) = type {
            switch (b, v) {
            case (.int, .int), (.int, .bool), (.bool, .bool), (.float, .double), (.str, .string), (.list, .array),
                 (.dict, .object), (.tuple, .tuple), (.set, .set):
                return .true
            case (.int, _), (.bool, _), (.float, _), (.str, _), (.list, _), (.dict, _), (.tuple, _), (.set, _):
                return .false
            default: break
            }
        }
        throw .type("isinstance() arg 2 must be a type")
    }

    static func modularPower(_ x: RuntimeValue, _ y: RuntimeValue, _ m: RuntimeValue) throws(ExpressionError) -> RuntimeValue {
        let base = try RandomMethods.int(x, "pow"), exponent = try RandomMethods.int(y, "pow"), modulus = try RandomMethods.int(m, "pow")
        if modulus == 0 { throw .value("pow() 3rd argument cannot be 0") }
        if exponent < 0 { throw .value("pow() negative exponent with modulus is not supported") }
        let mag = modulus.magnitude
        var result: UInt64 = 1 % UInt64(mag)
        var b = UInt64(PythonRuntime.floorModulo(base, Int(clamping: mag)))
        var e = exponent
        while e > 0 {
            if e & 1 == 1 { result = mulmod(result, b, UInt64(mag)) }
            b = mulmod(b, b, UInt64(mag))
            e >>= 1
        }
        var r = Int(result)
        if modulus < 0 && r != 0 { r += modulus }
        return .int(r)
    }

    static func mulmod(_ a: UInt64, _ b: UInt64, _ m: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return m.dividingFullWidth((high % m, low)).remainder
    }
}
