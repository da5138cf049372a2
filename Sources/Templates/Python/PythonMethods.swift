import Basics

/// The methods of Python's `dict`, `str` and `list` that templates call (`d.items()`, `s.upper()`, …).
///
/// Invariant: `has` and `call` agree: every name `has` reports is callable. Mutating methods (`append`,
/// `update`, `pop`) are deliberately absent: template values are immutable here (see README).
enum PythonMethods {
    static let dictMethods: Set<String> = ["items", "keys", "values", "get", "copy"]
    static let dictShadowing: Set<String> = [
        "items", "keys", "values", "get", "copy", "pop", "popitem", "update", "clear", "setdefault", "fromkeys",
    ]
    static let stringMethods: Set<String> = [
        "upper", "lower", "title", "capitalize", "swapcase", "strip", "lstrip", "rstrip", "split", "rsplit",
        "splitlines", "startswith", "endswith", "replace", "find", "rfind", "index", "count", "join", "format",
        "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isnumeric", "isdecimal", "zfill",
        "center", "ljust", "rjust", "casefold",
    ]
    static let listMethods: Set<String> = ["index", "count", "copy"]

    /// Whether Python's `getattr(value, name)` finds a method (dict methods win over keys, as in Jinja2).
    static func has(_ value: Value, _ name: String) -> Bool {
        switch value {
        case .object: return dictShadowing.contains(name)
        case .string: return stringMethods.contains(name)
        case .array, .tuple: return listMethods.contains(name)
        default: return false
        }
    }

    static func call(_ receiver: Value, _ name: String, _ args: [Value], _ kwargs: [(String, Value)])
        throws(PythonError) -> RuntimeValue
    {
        func arg(_ i: Int, _ keyword: String? = nil) -> Value? {
            if i < args.count { return args[i] }
            if let keyword { return kwargs.first { $0.0 == keyword }?.1 }
            return nil
        }
        func string(_ i: Int, _ keyword: String? = nil) throws(PythonError) -> String? {
            guard let v = arg(i, keyword) else { return nil }
            if case .null = v { return nil }
            guard case .string(let s) = v else { throw .type("must be str, not \(v.pythonTypeName)") }
            return s
        }
        func int(_ i: Int, _ keyword: String? = nil) throws(PythonError) -> Int? {
            guard let v = arg(i, keyword) else { return nil }
            guard case .int(let n)? = PythonValues.number(v), !v.isDouble else {
                throw .type("'\(v.pythonTypeName)' object cannot be interpreted as an integer")
            }
            return n
        }
        switch receiver {
        case .object(let o):
            switch name {
            case "items": return .sequence(LazySequence(items: o.map { .tuple([.string($0.key), $0.value]) },
                                                        kind: .dictItems))
            case "keys": return .sequence(LazySequence(items: o.keys.map { .string($0) }, kind: .dictKeys))
            case "values": return .sequence(LazySequence(items: o.values, kind: .dictValues))
            case "get":
                guard let key = arg(0) else { throw .type("get expected at least 1 argument, got 0") }
                if case .string(let k) = key, let v = o[k] { return .value(v) }
                return .value(arg(1) ?? .null)
            case "copy": return .value(receiver)
            default: throw PythonError(.unsupported, "dict.\(name)() is not supported (values are immutable)")
            }
        case .string(let s):
            return .value(try stringMethod(s, name, args, kwargs, string: string, int: int))
        case .array(let a), .tuple(let a):
            switch name {
            case "count": return .value(.int(a.count { PythonValues.equals($0, arg(0) ?? .null) }))
            case "index":
                guard let i = a.firstIndex(where: { PythonValues.equals($0, arg(0) ?? .null) }) else {
                    throw .value("\((arg(0) ?? .null).pythonRepr) is not in list")
                }
                return .value(.int(i))
            case "copy": return .value(receiver)
            default: break
            }
        default: break
        }
        throw .type("'\(receiver.pythonTypeName)' object has no attribute '\(name)'")
    }

    private static func stringMethod(
        _ s: String, _ name: String, _ args: [Value], _ kwargs: [(String, Value)],
        string: (Int, String?) throws(PythonError) -> String?, int: (Int, String?) throws(PythonError) -> Int?
    ) throws(PythonError) -> Value {
        switch name {
        case "upper": return .string(PythonStrings.upper(s))
        case "lower", "casefold": return .string(PythonStrings.lower(s))
        case "title": return .string(PythonStrings.title(s))
        case "capitalize": return .string(PythonStrings.capitalize(s))
        case "swapcase": return .string(PythonStrings.swapcase(s))
        case "strip": return .string(PythonStrings.strip(s, try string(0, "chars")))
        case "lstrip": return .string(PythonStrings.strip(s, try string(0, "chars"), trailing: false))
        case "rstrip": return .string(PythonStrings.strip(s, try string(0, "chars"), leading: false))
        case "split", "rsplit":
            let maxSplit = try int(1, "maxsplit") ?? -1
            if name == "rsplit", maxSplit >= 0 {
                throw PythonError(.unsupported, "str.rsplit with maxsplit is not supported")
            }
            return .array(try PythonStrings.split(s, try string(0, "sep"), maxSplit: maxSplit).map { .string($0) })
        case "splitlines": return .array(PythonStrings.splitLines(s).map { .string($0) })
        case "startswith", "endswith":
            let candidates: [Value]
            switch args.first {
            case .tuple(let items)?: candidates = items
            case let v?: candidates = [v]
            case nil: throw .type("\(name)() takes at least 1 argument (0 given)")
            }
            for candidate in candidates {
                guard case .string(let c) = candidate else {
                    throw .type("\(name) first arg must be str or a tuple of str, not \(candidate.pythonTypeName)")
                }
                let h = Array(s.unicodeScalars), n = Array(c.unicodeScalars)
                if name == "startswith" ? h.starts(with: n) : h.reversed().starts(with: n.reversed()) {
                    return .bool(true)
                }
            }
            return .bool(false)
        case "replace":
            guard let old = try string(0, nil), let new = try string(1, nil) else {
                throw .type("replace expected at least 2 arguments")
            }
            return .string(PythonStrings.replace(s, old, new, count: try int(2, "count") ?? -1))
        case "find", "index":
            guard let needle = try string(0, nil) else { throw .type("\(name)() takes at least 1 argument") }
            if let i = PythonStrings.find(needle, in: s) { return .int(i) }
            if name == "index" { throw .value("substring not found") }
            return .int(-1)
        case "rfind":
            guard let needle = try string(0, nil) else { throw .type("rfind() takes at least 1 argument") }
            var last = -1
            var start = 0
            while let i = PythonStrings.find(needle, in: s, from: start) {
                last = i
                start = i + 1
            }
            return .int(last)
        case "count":
            guard let needle = try string(0, nil) else { throw .type("count() takes at least 1 argument") }
            return .int(PythonStrings.count(s, needle))
        case "join":
            guard let iterable = args.first else { throw .type("join() takes exactly one argument (0 given)") }
            var parts: [String] = []
            for (i, item) in try PythonValues.iterate(iterable).enumerated() {
                guard case .string(let p) = item else {
                    throw .type("sequence item \(i): expected str instance, \(item.pythonTypeName) found")
                }
                parts.append(p)
            }
            return .string(parts.joined(separator: s))
        case "format": return .string(try BraceFormat.format(s, args, kwargs))
        case "isdigit", "isnumeric", "isdecimal":
            return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType != nil })
        case "isalpha": return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic })
        case "isalnum":
            return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || $0.properties.numericType != nil
            })
        case "isspace": return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy(PythonWhitespace.contains))
        case "isupper":
            return .bool(s.unicodeScalars.contains { $0.properties.isCased }
                         && !s.unicodeScalars.contains { $0.properties.isLowercase })
        case "islower":
            return .bool(s.unicodeScalars.contains { $0.properties.isCased }
                         && !s.unicodeScalars.contains { $0.properties.isUppercase })
        case "zfill":
            let width = try int(0, nil) ?? 0
            let count = s.unicodeScalars.count
            guard width > count else { return .string(s) }
            var scalars = Array(s.unicodeScalars)
            let sign = scalars.first.map { $0 == "+" || $0 == "-" } ?? false
            let zeros = Array(repeating: Unicode.Scalar("0"), count: width - count)
            scalars.insert(contentsOf: zeros, at: sign ? 1 : 0)
            return .string(PythonStrings.string(scalars))
        case "center", "ljust", "rjust":
            let width = try int(0, nil) ?? 0
            let fill = try string(1, nil)?.unicodeScalars.first ?? " "
            let count = s.unicodeScalars.count
            guard width > count else { return .string(s) }
            let pad = String(repeating: String(Character(fill)), count: width - count)
            if name == "center" { return .string(PythonStrings.center(s, width: width, fill: fill)) }
            return .string(name == "ljust" ? s + pad : pad + s)
        default:
            throw .type("'str' object has no attribute '\(name)'")
        }
    }
}
