import Basics
import Foundation

/// `abs`, `round`, `int`, `float` with Python's conversions and rounding.
enum NumberFilters {
    static func apply(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        switch f.name {
        case "abs":
            _ = try f.bind([])
            let v = try f.input()
            switch PythonValues.number(v) {
            case .int(let i)?:
                if i == Int.min { throw f.fail(PythonArithmetic.overflow) }
                return .value(.int(abs(i)))
            case .double(let d)?: return .value(.double(abs(d)))
            case nil: throw f.fail(.type, "bad operand type for abs(): '\(v.pythonTypeName)'")
            }
        case "round": return try round(f)
        case "int": return try int(f)
        default: return try float(f)
        }
    }

    /// `round(precision=0, method='common')`.
    private static func round(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        let args = try f.bind(["precision", "method"])
        let precision = try f.int(args[0], default: 0)
        let method = try f.text(args[1], default: "common")
        guard ["common", "ceil", "floor"].contains(method) else {
            throw f.fail(.argument, "method must be common, ceil or floor")
        }
        let v = try f.input()
        guard let number = PythonValues.number(v) else {
            throw f.fail(.type, "type \(v.pythonTypeName) doesn't define __round__ method")
        }
        if method == "common" {
            switch number {
            case .int(let i):
                guard precision < 0 else { return .value(.int(i)) }
                guard precision > -19 else { return .value(.int(0)) }
                var p = 1
                for _ in 0..<(-precision) { p *= 10 }
                let (q, r) = (i / p, i % p)
                var result = q
                let twice = abs(r) * 2
                if twice > p || (twice == p && q % 2 != 0) { result += i < 0 ? -1 : 1 }
                return .value(.int(result * p))
            case .double(let d):
                return .value(.double(pythonRound(d, precision)))
            }
        }
        let roundUp = method == "ceil"
        if precision >= 0 {
            var scale = 1.0
            for _ in 0..<min(precision, 400) { scale *= 10 }
            let scaled: Double
            switch number {
            case .int(let i): scaled = Double(i) * scale
            case .double(let d): scaled = d * scale
            }
            guard scaled.isFinite else { throw f.fail(.value, "cannot convert float infinity to integer") }
            let rounded = roundUp ? scaled.rounded(.up) : scaled.rounded(.down)
            return .value(.double(rounded / scale))
        }
        var scale = 1.0
        for _ in 0..<(-precision) { scale *= 10 }
        let scaled = PythonArithmetic.double(number) * (1 / scale)
        let rounded = roundUp ? scaled.rounded(.up) : scaled.rounded(.down)
        return .value(.double(rounded / (1 / scale)))
    }

    /// Python's `round(x, n)` for floats: the correctly rounded decimal, ties to even on the exact value.
    static func pythonRound(_ x: Double, _ n: Int) -> Double {
        guard x.isFinite else { return x }
        if n > 300 { return x }
        if n >= 0 {
            let text = String(format: "%.\(n)f", x)
            return Double(text) ?? x
        }
        var scale = 1.0
        for _ in 0..<min(-n, 400) { scale *= 10 }
        let y = x / scale
        return (y.rounded(.toNearestOrEven) * scale)
    }

    /// `int(default=0, base=10)`: strings through `int(s, base)`, then `int(float(s))`, else `default`.
    private static func int(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        let args = try f.bind(["default", "base"])
        let fallback = args[0] ?? .value(.int(0))
        let base = try f.int(args[1], default: 10)
        let v = try f.input()
        switch v {
        case .string(let s):
            if let i = parseInt(s, base: base) { return .value(.int(i)) }
            if let d = parseFloat(s), d.isFinite, abs(d) < 9.2e18 { return .value(.int(Int(d))) }
            if let d = parseFloat(s), d.isInfinite {
                throw f.fail(.value, "cannot convert float infinity to integer")
            }
            return fallback
        case .bool(let b): return .value(.int(b ? 1 : 0))
        case .int: return .value(v)
        case .double(let d):
            if d.isNaN { return fallback }
            guard d.isFinite, abs(d) < 9.2e18 else {
                throw f.fail(.value, "cannot convert float infinity to integer")
            }
            return .value(.int(Int(d)))
        default: return fallback
        }
    }

    private static func float(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        let args = try f.bind(["default"])
        let fallback = args[0] ?? .value(.double(0))
        let v = try f.input()
        switch v {
        case .string(let s): return parseFloat(s).map { .value(.double($0)) } ?? fallback
        case .bool(let b): return .value(.double(b ? 1 : 0))
        case .int(let i): return .value(.double(Double(i)))
        case .double: return .value(v)
        default: return fallback
        }
    }

    /// Python's `int(s, base)`: surrounding whitespace, a sign, underscores between digits, base prefixes.
    static func parseInt(_ text: String, base: Int) -> Int? {
        var s = PythonStrings.strip(text, nil)
        var negative = false
        if s.hasPrefix("-") || s.hasPrefix("+") {
            negative = s.hasPrefix("-")
            s.removeFirst()
        }
        var radix = base
        let lower = s.lowercased()
        for (prefix, r) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) && (base == r || base == 0) {
            radix = r
            s = String(s.dropFirst(2))
            if s.hasPrefix("_") { s.removeFirst() }
        }
        if radix == 0 { radix = 10 }
        guard (2...36).contains(radix), !s.isEmpty, !s.hasPrefix("_"), !s.hasSuffix("_"), !s.contains("__") else {
            return nil
        }
        let digits = s.replacingOccurrences(of: "_", with: "")
        guard !digits.isEmpty, digits.unicodeScalars.allSatisfy({ $0.isASCII }),
              let magnitude = Int(digits, radix: radix) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// Python's `float(s)`.
    static func parseFloat(_ text: String) -> Double? {
        let s = PythonStrings.strip(text, nil)
        guard !s.isEmpty, !s.hasPrefix("_"), !s.hasSuffix("_"), !s.contains("__") else { return nil }
        let lowered = s.lowercased()
        var body = lowered
        if body.hasPrefix("-") || body.hasPrefix("+") { body.removeFirst() }
        if ["inf", "infinity"].contains(body) { return lowered.hasPrefix("-") ? -.infinity : .infinity }
        if body == "nan" { return .nan }
        guard body.unicodeScalars.allSatisfy({ "0123456789._e+-".unicodeScalars.contains($0) }) else { return nil }
        // An underscore must sit between two digits.
        let scalars = Array(s.unicodeScalars)
        for (i, c) in scalars.enumerated() where c == "_" {
            guard i > 0, i + 1 < scalars.count,
                  scalars[i - 1].properties.numericType != nil, scalars[i + 1].properties.numericType != nil
            else { return nil }
        }
        return Double(s.replacingOccurrences(of: "_", with: ""))
    }
}
