import Basics
import Foundation

/// Methods of `str` with CPython's results (whitespace splitting, `find` offsets in code points, ...).
enum StringMethods {
    typealias Args = ExpressionCompiler.Arguments

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.properties.isWhitespace || (c.value >= 0x1C && c.value <= 0x1F)
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func str(_ v: RuntimeValue?, _ what: String) throws(ExpressionError) -> String {
        guard let v, case .value(.string(let s)) = v else {
            throw .type("\(what) argument must be str, not \(v.map(PythonRuntime.typeName) ?? "nothing")")
        }
        return s
    }

    static func optionalStr(_ v: RuntimeValue?) throws(ExpressionError) -> String? {
        guard let v else { return nil }
        if case .value(.null) = v { return nil }
        return try str(v, "strip")
    }

    static func strip(_ s: String, _ chars: String?, left: Bool, right: Bool) -> String {
        var scalars = Array(s.unicodeScalars)
        let set = chars.map { Set($0.unicodeScalars) }
        func strip(_ c: Unicode.Scalar) -> Bool { set.map { $0.contains(c) } ?? isSpace(c) }
        var start = 0, end = scalars.count
        if left { while start < end && strip(scalars[start]) { start += 1 } }
        if right { while end > start && strip(scalars[end - 1]) { end -= 1 } }
        scalars = Array(scalars[start..<end])
        return String(String.UnicodeScalarView(scalars))
    }

    static func split(_ s: String, _ sep: String?, _ maxsplit: Int) throws(ExpressionError) -> [Value] {
        guard let sep else {
            var out: [Value] = []
            var current = String.UnicodeScalarView()
            var inWord = false
            var splits = 0
            let scalars = Array(s.unicodeScalars)
            var i = 0
            while i < scalars.count {
                let c = scalars[i]
                if isSpace(c) {
                    if inWord { out.append(.string(String(current))); current = .init(); inWord = false; splits += 1 }
                } else {
                    if !inWord && maxsplit >= 0 && splits >= maxsplit {
                        out.append(.string(String(String.UnicodeScalarView(scalars[i...]))))
                        return out
                    }
                    inWord = true
                    current.append(c)
                }
                i += 1
            }
            if inWord { out.append(.string(String(current))) }
            return out
        }
        if sep.isEmpty { throw .value("empty separator") }
        let ranges = CodePointSearch.occurrences(of: sep, in: s, limit: maxsplit >= 0 ? maxsplit : .max)
        return CodePointSearch.pieces(of: s, between: ranges).map { .string($0) }
    }

    /// `str.splitlines()`: breaks at \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029.
    static func splitLines(_ s: String, keepends: Bool) -> [String] {
        let c = Array(s.unicodeScalars)
        var lines: [String] = []
        var start = 0, i = 0
        while i < c.count {
            let v = c[i].value
            if [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029].contains(v) {
                var end = i + 1
                if v == 0x0D, end < c.count, c[end] == "\n" { end += 1 }
                lines.append(String(String.UnicodeScalarView(c[start..<(keepends ? end : i)])))
                start = end
                i = end
            } else {
                i += 1
            }
        }
        if start < c.count { lines.append(String(String.UnicodeScalarView(c[start...]))) }
        return lines
    }

    static func find(_ s: String, _ sub: String, reverse: Bool) -> Int {
        let hay = Array(s.unicodeScalars), needle = Array(sub.unicodeScalars)
        if needle.count > hay.count { return -1 }
        let positions = Array(0...(hay.count - needle.count))
        for i in reverse ? positions.reversed() : positions where Array(hay[i..<(i + needle.count)]) == needle { return i }
        return -1
    }

    static func pad(_ s: String, _ width: Int, _ fill: Unicode.Scalar, _ align: Character) -> String {
        let n = s.unicodeScalars.count
        if width <= n { return s }
        let total = width - n
        let f = String(fill)
        switch align {
        case "<": return s + String(repeating: f, count: total)
        case ">": return String(repeating: f, count: total) + s
        case "^":
            // format(): the extra space goes right.
            let left = total / 2
            return String(repeating: f, count: left) + s + String(repeating: f, count: total - left)
        default:
            // str.center (align "c"): CPython's `marg / 2 + (marg & width & 1)`.
            let left = total / 2 + (total & width & 1)
            return String(repeating: f, count: left) + s + String(repeating: f, count: total - left)
        }
    }

    static func call(_ s: String, _ name: String, _ a: Args, _ env: Environment) throws(ExpressionError) -> RuntimeValue {
        let p = a.positional
        func arg(_ i: Int, _ key: String) -> RuntimeValue? { i < p.count ? p[i] : Builtins.keyword(a, key) }
        func int(_ i: Int, _ key: String, _ d: Int) throws(ExpressionError) -> Int {
            guard let v = arg(i, key) else { return d }
            return try RandomMethods.int(v, name)
        }
        func string(_ v: String) -> RuntimeValue { .value(.string(v)) }
        func all(_ test: (Unicode.Scalar) -> Bool) -> RuntimeValue { .bool(!s.isEmpty && s.unicodeScalars.allSatisfy(test)) }
        switch name {
        case "upper": return string(PythonCase.upper(s))
        case "lower": return string(PythonCase.lower(s))
        case "swapcase": return string(PythonCase.swapcase(s))
        case "strip", "lstrip", "rstrip":
            return string(strip(s, try optionalStr(arg(0, "chars")), left: name != "rstrip", right: name != "lstrip"))
        case "split", "rsplit":
            let sep = try optionalStr(arg(0, "sep"))
            let maxsplit = try int(1, "maxsplit", -1)
            if name == "rsplit", let sep, maxsplit >= 0 {
                if sep.isEmpty { throw .value("empty separator") }
                let ranges = CodePointSearch.occurrencesFromRight(of: sep, in: s, limit: maxsplit)
                return .value(.array(CodePointSearch.pieces(of: s, between: ranges).map { .string($0) }))
            }
            if name == "rsplit" && maxsplit >= 0 {
                // Whitespace: split the reversed code points and reverse back.
                let reversedText = String(String.UnicodeScalarView(s.unicodeScalars.reversed()))
                let reversedParts = try split(reversedText, nil, maxsplit)
                return .value(.array(reversedParts.reversed().map { part in
                    .string(String(String.UnicodeScalarView((part.stringValue ?? "").unicodeScalars.reversed())))
                }))
            }
            return .value(.array(try split(s, sep, maxsplit)))
        case "splitlines":
            let keepends = arg(0, "keepends").map(PythonRuntime.truthy) ?? false
            return .value(.array(splitLines(s, keepends: keepends).map { .string($0) }))
        case "join":
            guard let seq = p.first else { throw .type("join() takes exactly one argument (0 given)") }
            var parts: [String] = []
            for v in try Builtins.values(seq, env) {
                guard case .string(let t) = v else {
                    throw .type("sequence item \(parts.count): expected str instance, \(v.pythonTypeName) found")
                }
                parts.append(t)
            }
            let joined = parts.joined(separator: s)
            try env.limits.checkString(joined.utf8.count)
            return string(joined)
        case "replace":
            let old = try str(arg(0, "old"), "replace"), new = try str(arg(1, "new"), "replace")
            let count = try int(2, "count", -1)
            let limit = count < 0 ? Int.max : count
            if old.isEmpty {
                // CPython inserts `new` before every code point and at the end, `count` times at most.
                let insertions = min(limit, s.unicodeScalars.count + 1)
                try env.limits.checkString(s.utf8.count + insertions * new.utf8.count)  // before building it
                var out = "", inserted = 0
                for scalar in s.unicodeScalars {
                    if inserted < limit { out += new; inserted += 1 }
                    out.unicodeScalars.append(scalar)
                }
                if inserted < limit { out += new }
                return string(out)
            }
            let ranges = CodePointSearch.occurrences(of: old, in: s, limit: limit)
            try env.limits.checkString(s.utf8.count + ranges.count * (new.utf8.count - old.utf8.count))
            return string(CodePointSearch.pieces(of: s, between: ranges).joined(separator: new))
        case "startswith", "endswith":
            guard let x = p.first else { throw .type("\(name)() takes at least 1 argument") }
            var options: [String] = []
            if case .value(.tuple(let items)) = x { options = items.compactMap(\.stringValue) } else { options = [try str(x, name)] }
            return .bool(options.contains { name == "startswith" ? s.unicodeScalars.starts(with: $0.unicodeScalars) : s.unicodeScalars.reversed().starts(with: $0.unicodeScalars.reversed()) })
        case "find", "rfind", "index", "rindex":
            let i = find(s, try str(arg(0, "sub"), name), reverse: name.hasPrefix("r"))
            if i < 0 && name.hasSuffix("index") { throw .value("substring not found") }
            return .int(i)
        case "count":
            let sub = try str(arg(0, "sub"), name)
            if sub.isEmpty { return .int(s.unicodeScalars.count + 1) }
            return .int(CodePointSearch.occurrences(of: sub, in: s).count)
        case "title": return string(PythonCase.title(s))
        case "capitalize": return string(PythonCase.capitalize(s))
        case "istitle": return .bool(PythonCase.isTitle(s))
        // Python's definitions: decimal = Nd; digit = Numeric_Type Decimal or Digit; numeric = any Numeric_Type;
        // alpha = categories Lu Ll Lt Lm Lo.
        case "isdecimal": return all { $0.properties.numericType == .decimal }
        case "isdigit": return all { $0.properties.numericType == .decimal || $0.properties.numericType == .digit }
        case "isnumeric": return all { $0.properties.numericType != nil }
        case "isalpha": return all(isLetter)
        case "isalnum": return all { isLetter($0) || $0.properties.numericType != nil }
        case "isspace": return all(isSpace)
        case "isupper": return .bool(PythonCase.isUpper(s))
        case "islower": return .bool(PythonCase.isLower(s))
        case "zfill":
            let width = try int(0, "width", 0)
            let n = s.unicodeScalars.count
            if width <= n { return string(s) }
            let zeros = String(repeating: "0", count: width - n)
            if let f = s.unicodeScalars.first, f == "+" || f == "-" {
                return string(String(f) + zeros + String(String.UnicodeScalarView(s.unicodeScalars.dropFirst())))
            }
            return string(zeros + s)
        case "center", "ljust", "rjust":
            let width = try int(0, "width", 0)
            let fillText = try arg(1, "fillchar").map { (v: RuntimeValue) throws(ExpressionError) -> String in try str(v, name) } ?? " "
            guard fillText.unicodeScalars.count == 1, let fill = fillText.unicodeScalars.first else {
                throw .type("The fill character must be exactly one character long")
            }
            return string(pad(s, width, fill, name == "center" ? "c" : (name == "ljust" ? "<" : ">")))
        case "partition", "rpartition":
            let sep = try str(arg(0, "sep"), name)
            if sep.isEmpty { throw .value("empty separator") }
            let i = find(s, sep, reverse: name == "rpartition")
            let scalars = Array(s.unicodeScalars)
            if i < 0 { return .value(.tuple(name == "partition" ? [.string(s), "", ""] : ["", "", .string(s)])) }
            let before = String(String.UnicodeScalarView(scalars[..<i]))
            let after = String(String.UnicodeScalarView(scalars[(i + sep.unicodeScalars.count)...]))
            return .value(.tuple([.string(before), .string(sep), .string(after)]))
        case "format":
            for v in a.positional { try env.limits.checkText(of: v) }
            for (_, v) in a.keywords { try env.limits.checkText(of: v) }
            return string(try StringFormatMethod.format(s, a))
        default: throw ExpressionError(.attribute, "'str' object has no attribute '\(name)'")
        }
    }
}
