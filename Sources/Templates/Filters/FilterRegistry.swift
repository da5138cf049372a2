import Basics

/// The built-in filters by name, and their dispatch.
///
/// Invariant: `names` is exactly the set of filters `apply` implements; the parser rejects every other
/// name at compile time, like Jinja2's compiler.
enum FilterRegistry {
    static let names: Set<String> = [
        "abs", "attr", "batch", "capitalize", "center", "count", "d", "default", "dictsort", "e", "escape",
        "filesizeformat", "first", "float", "forceescape", "format", "groupby", "indent", "int", "items", "join", "last", "length", "list",
        "lower", "map", "max", "min", "pprint", "reject", "rejectattr", "replace", "reverse", "round", "safe", "select",
        "selectattr", "slice", "sort", "string", "striptags", "sum", "title", "tojson", "trim", "truncate",
        "unique", "upper", "urlencode", "wordcount", "wordwrap",
    ]

    static func isKnown(_ name: String) -> Bool { names.contains(name) }

    static func apply(_ f: FilterInvocation) throws(TemplateError) -> RuntimeValue {
        switch f.name {
        case "default", "d": return try DefaultFilters.defaultValue(f)
        case "tojson": return try DefaultFilters.toJSON(f)
        case "safe", "string": _ = try f.bind([]); return .value(.string(try f.inputText()))
        case "escape", "e", "forceescape": return try StringFilters.escape(f)
        case "upper", "lower", "title", "capitalize", "trim", "truncate", "replace", "wordcount", "indent",
             "center", "format", "striptags", "wordwrap":
            return try StringFilters.apply(f)
        case "abs", "round", "int", "float": return try NumberFilters.apply(f)
        case "map", "select", "reject", "selectattr", "rejectattr": return try HigherOrderFilters.apply(f)
        case "groupby": return try GroupingFilters.groupBy(f)
        case "filesizeformat": return try FormattingFilters.fileSize(f)
        case "pprint": _ = try f.bind([]); return .value(.string(PythonPrettyPrint.format(try f.input())))
        case "urlencode": return try FormattingFilters.urlEncode(f)
        default: return try SequenceFilters.apply(f)
        }
    }
}

extension Renderer {
    func applyFilter(_ name: String, to value: RuntimeValue, _ arguments: Arguments, _ scope: Scope, at: Int)
        throws(TemplateError) -> RuntimeValue
    {
        let (positional, keyword) = try evaluateArguments(arguments, scope, at: at)
        return try callFilter(name, value, positional, keyword, at: at)
    }

    func callFilter(_ name: String, _ value: RuntimeValue, _ positional: [RuntimeValue],
                    _ keyword: [(String, RuntimeValue)], at: Int) throws(TemplateError) -> RuntimeValue {
        guard FilterRegistry.isKnown(name) else { throw fail(.argument, "No filter named '\(name)' found.", at: at) }
        return try FilterRegistry.apply(FilterInvocation(renderer: self, name: name, value: value,
                                                         positional: positional, keyword: keyword, at: at))
    }
}
