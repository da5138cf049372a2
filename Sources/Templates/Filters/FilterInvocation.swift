import Basics

/// One application of a filter or test: the input, the evaluated arguments, and Python-style binding of
/// those arguments to the filter's parameter list.
///
/// Invariant: `bind` rejects what Python would reject (too many positionals, unknown or duplicate
/// keywords) with Python's `TypeError` wording, so misuse fails the same way Jinja2 does.
struct FilterInvocation {
    let renderer: Renderer
    let name: String
    let value: RuntimeValue
    let positional: [RuntimeValue]
    let keyword: [(String, RuntimeValue)]
    let at: Int

    func fail(_ kind: TemplateError.Kind, _ message: String) -> TemplateError {
        renderer.fail(kind, message, at: at)
    }

    func fail(_ error: PythonError) -> TemplateError { renderer.fail(error, at: at) }

    /// Binds arguments to `parameters` (names after the input); unset ones are nil.
    func bind(_ parameters: [String], required: Int = 0) throws(TemplateError) -> [RuntimeValue?] {
        var bound = [RuntimeValue?](repeating: nil, count: parameters.count)
        if positional.count > parameters.count {
            throw fail(.type, "\(name)() takes \(parameters.count + 1) positional argument(s) but "
                + "\(positional.count + 1) were given")
        }
        for (i, v) in positional.enumerated() { bound[i] = v }
        for (key, v) in keyword {
            guard let i = parameters.firstIndex(of: key) else {
                throw fail(.type, "\(name)() got an unexpected keyword argument '\(key)'")
            }
            if bound[i] != nil { throw fail(.type, "\(name)() got multiple values for argument '\(key)'") }
            bound[i] = v
        }
        for i in 0..<required where bound[i] == nil {
            throw fail(.type, "\(name)() missing required argument: '\(parameters[i])'")
        }
        return bound
    }

    /// The input as a plain value (an undefined input fails here).
    func input() throws(TemplateError) -> Value { try renderer.toValue(value, at: at) }

    /// Python `str()` of the input (`soft_str`).
    func inputText() throws(TemplateError) -> String { try renderer.text(of: value, at: at) }

    func items() throws(TemplateError) -> [Value] { try renderer.iterate(value, at: at) }

    func plain(_ v: RuntimeValue?) throws(TemplateError) -> Value? {
        guard let v else { return nil }
        return try renderer.toValue(v, at: at)
    }

    func bool(_ v: RuntimeValue?, default fallback: Bool) throws(TemplateError) -> Bool {
        guard let v else { return fallback }
        return try renderer.isTrue(v, at: at)
    }

    func int(_ v: RuntimeValue?, default fallback: Int) throws(TemplateError) -> Int {
        guard let v else { return fallback }
        let value = try renderer.toValue(v, at: at)
        switch PythonValues.number(value) {
        case .int(let i)?: return i
        case .double(let d)? where value.isDouble:
            throw fail(.type, "'float' object cannot be interpreted as an integer (\(PythonFloat.repr(d)))")
        default:
            throw fail(.type, "'\(value.pythonTypeName)' object cannot be interpreted as an integer")
        }
    }

    func text(_ v: RuntimeValue?, default fallback: String) throws(TemplateError) -> String {
        guard let v else { return fallback }
        return try renderer.text(of: v, at: at)
    }

    /// Jinja2's `make_attrgetter`: `"a.b.0"` looked up item-first on each part, `default` for undefined.
    func attributeGetter(_ attribute: Value?, default fallback: RuntimeValue? = nil, lowercase: Bool = false)
        -> ((Value) throws(TemplateError) -> RuntimeValue)
    {
        let parts: [Value]
        switch attribute {
        case nil, .null?: parts = []
        case .string(let s)?:
            parts = s.split(separator: ".", omittingEmptySubsequences: false).map { part in
                if let i = Int(part), part.allSatisfy(\.isASCII) { return .int(i) }
                return .string(String(part))
            }
        case let other?: parts = [other]
        }
        let renderer = self.renderer
        let at = self.at
        return { (item: Value) throws(TemplateError) -> RuntimeValue in
            var current = RuntimeValue.value(item)
            for part in parts {
                current = try renderer.item(of: current, part, at: at)
                if let fallback, current.isUndefined { current = fallback }
            }
            if lowercase, case .value(.string(let s)) = current { return .value(.string(s.lowercased())) }
            return current
        }
    }
}
