import Basics
import Foundation

/// `filesizeformat` and `urlencode`, as Jinja2 3.1 implements them.
enum FormattingFilters {
    /// `filesizeformat(binary=False)`: "1 Byte", "12 Bytes", "1.5 kB" / "1.5 KiB", … up to YB / YiB.
    static func fileSize(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        let args = try f.bind(["binary"])
        let binary = try f.bool(args[0], default: false)
        let v = try f.input()
        let bytes: Double
        switch v {
        case .string(let s):
            guard let d = NumberFilters.parseFloat(s) else {
                throw f.fail(.value, "could not convert string to float: \(v.pythonRepr)")
            }
            bytes = d
        default:
            guard let n = PythonValues.number(v) else {
                throw f.fail(.type, "float() argument must be a string or a real number, not '\(v.pythonTypeName)'")
            }
            bytes = PythonArithmetic.double(n)
        }
        let base = binary ? 1024.0 : 1000.0
        let prefixes = binary ? ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"]
                              : ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
        if bytes == 1 { return .value(.string("1 Byte")) }
        if bytes < base {
            guard bytes.isFinite, abs(bytes) < 9.2e18 else { throw f.fail(.value, "cannot convert float to integer") }
            return .value(.string("\(Int(bytes)) Bytes"))
        }
        var unit = base
        for prefix in prefixes {
            unit *= base
            if bytes < unit || prefix == prefixes.last {
                return .value(.string(String(format: "%.1f", base * bytes / unit) + " " + prefix))
            }
        }
        return .value(.string(""))
    }

    /// `urlencode`: a string (or non-iterable) is percent-quoted with `/` kept; a dict or a sequence of
    /// pairs becomes `k=v&…` with `+` for spaces.
    static func urlEncode(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        _ = try f.bind([])
        let v = try f.input()
        switch v {
        case .string, .null, .bool, .int, .double:
            return .value(.string(quote(v.pythonStr, forQuery: false)))
        case .object(let o):
            return .value(.string(o.map { quote($0.key, forQuery: true) + "=" + quote($0.value.pythonStr, forQuery: true) }
                .joined(separator: "&")))
        default:
            var parts: [String] = []
            for item in try f.items() {
                guard let pair = item.arrayValue, pair.count == 2 else {
                    throw f.fail(.value, "too many values to unpack (expected 2)")
                }
                parts.append(quote(pair[0].pythonStr, forQuery: true) + "=" + quote(pair[1].pythonStr, forQuery: true))
            }
            return .value(.string(parts.joined(separator: "&")))
        }
    }

    /// `urllib.parse.quote_from_bytes` of the UTF-8 bytes; `forQuery` keeps no `/` and writes spaces as `+`.
    private static func quote(_ text: String, forQuery: Bool) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"),
                 UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where !forQuery:
                out += "/"
            case UInt8(ascii: " ") where forQuery:
                out += "+"
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
