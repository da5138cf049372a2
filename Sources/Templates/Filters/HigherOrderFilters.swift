import Basics

/// `map`, `select`, `reject`, `selectattr`, `rejectattr`: filters that apply another filter, a test or an
/// attribute lookup to every item. Results are generators, as in Jinja2.
enum HigherOrderFilters {
    static func apply(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        // Jinja2 guards these with `if value:`: a false input yields nothing and its arguments are not looked at.
        guard try f.renderer.isTrue(f.value, at: f.at) else {
            return .sequence(LazySequence(items: [], kind: .generator))
        }
        let items = try f.items()
        var result: [Value] = []
        if f.name == "map" {
            let transform = try mapFunction(f)
            for item in items { result.append(try f.renderer.toValue(try transform(item), at: f.at)) }
            return .sequence(LazySequence(items: result, kind: .generator))
        }
        let byAttribute = f.name.hasSuffix("attr")
        let keep = f.name.hasPrefix("select")
        var arguments = f.positional
        var getter: ((Value) throws(TemplateError) -> RuntimeValue)? = nil
        if byAttribute {
            guard !arguments.isEmpty else { throw f.fail(.argument, "Missing parameter for attribute name") }
            getter = f.attributeGetter(try f.renderer.toValue(arguments.removeFirst(), at: f.at))
        }
        var testName: String? = nil
        if !arguments.isEmpty {
            testName = try f.renderer.text(of: arguments.removeFirst(), at: f.at)
            if let testName, !TestRegistry.isKnown(testName) {
                throw f.fail(.argument, "No test named '\(testName)'.")
            }
        }
        for item in items {
            let subject = try getter?(item) ?? .value(item)
            let verdict: Bool
            if let testName {
                verdict = try f.renderer.callTest(testName, subject, arguments, f.keyword, at: f.at)
            } else {
                verdict = try f.renderer.isTrue(subject, at: f.at)
            }
            if verdict == keep { result.append(item) }
        }
        return .sequence(LazySequence(items: result, kind: .generator))
    }

    private static func mapFunction(_ f: FilterInvocation) throws(TemplateError)
        -> ((Value) throws(TemplateError) -> RuntimeValue)
    {
        if f.positional.isEmpty, let attribute = f.keyword.first(where: { $0.0 == "attribute" })?.1 {
            let fallback = f.keyword.first(where: { $0.0 == "default" })?.1
            if let unexpected = f.keyword.first(where: { $0.0 != "attribute" && $0.0 != "default" }) {
                throw f.fail(.argument, "Unexpected keyword argument \(Value.string(unexpected.0).pythonRepr)")
            }
            var defaultValue: RuntimeValue? = nil
            if let fallback, case .value(let v) = fallback, !v.isNull { defaultValue = fallback }
            return f.attributeGetter(try f.renderer.toValue(attribute, at: f.at), default: defaultValue)
        }
        guard let first = f.positional.first else { throw f.fail(.argument, "map requires a filter argument") }
        let name = try f.renderer.text(of: first, at: f.at)
        guard FilterRegistry.isKnown(name) else { throw f.fail(.argument, "No filter named '\(name)'.") }
        let rest = Array(f.positional.dropFirst())
        let renderer = f.renderer
        let keyword = f.keyword
        let at = f.at
        return { (item: Value) throws(TemplateError) -> RuntimeValue in
            try renderer.callFilter(name, .value(item), rest, keyword, at: at)
        }
    }
}
