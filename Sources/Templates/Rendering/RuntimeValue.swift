import Basics

/// A value while a template renders: a plain `Value`, or one of the Python objects Jinja templates can
/// hold besides data (an undefined, a macro, the `loop` object, a namespace, a callable, a lazy iterator).
///
/// Invariant: nothing but `.value` ever reaches the output or a `Value` container without conversion;
/// converting an undefined raises its `UndefinedError` (StrictUndefined semantics).
enum RuntimeValue {
    case value(Value)
    case undefined(Undefined)
    case macro(MacroClosure)
    case loop(LoopContext)
    case namespace(Namespace)
    case callable(Callable)
    case sequence(LazySequence)
    /// `{% import … as m %}`: the imported template's exported macros and variables.
    case module(TemplateModule)

    static var none: RuntimeValue { .value(.null) }

    var isUndefined: Bool { if case .undefined = self { return true } else { return false } }
}

/// A missing name, attribute or item, remembered with what Jinja2 would say when it is used.
///
/// Invariant: `message` is Jinja2's `StrictUndefined` message; `location` is where the lookup happened.
struct Undefined {
    var message: String
    var location: SourceLocation?
    /// Jinja2's plain `Undefined` (only the false branch of an `if` expression without `else` makes one):
    /// prints as "", is false and empty; everything else about it still fails.
    var lenient = false

    static func nameMessage(_ name: String) -> String {
        "\(Value.string(name).pythonRepr) is undefined"
    }

    /// `obj.name` or `obj['name']` missing (Jinja2 says "attribute" for both when the key is a string).
    static func memberMessage(of object: String, _ key: Value) -> String {
        if case .string = key {
            return "\(Value.string(object).pythonRepr) has no attribute \(key.pythonRepr)"
        }
        return "\(object) has no element \(key.pythonRepr)"
    }

    var error: TemplateError { TemplateError(.undefined, message, at: location) }
}

/// A macro bound to the scope it was defined in (Jinja2 macros are closures over that scope).
final class MacroClosure {
    let definition: MacroDefinition
    let scope: Scope
    let template: CompiledTemplate
    /// The `caller` a `{% call %}` block passes, if any.
    let caller: MacroClosure?
    /// The variables the body sees when it came from a template imported without the caller's context;
    /// nil: the calling render's context.
    let context: ValueObject?

    init(definition: MacroDefinition, scope: Scope, template: CompiledTemplate, caller: MacroClosure? = nil,
         context: ValueObject? = nil) {
        self.definition = definition
        self.scope = scope
        self.template = template
        self.caller = caller
        self.context = context
    }
}

/// An imported template: what its top level defined (names without a leading underscore) and its output.
final class TemplateModule {
    let name: String
    let exports: [String: RuntimeValue]
    let output: String

    init(name: String, exports: [String: RuntimeValue], output: String) {
        self.name = name
        self.exports = exports
        self.output = output
    }
}

/// `namespace(...)`: the one mutable object templates can assign attributes on.
final class Namespace {
    var attributes: ValueObject
    init(_ attributes: ValueObject) { self.attributes = attributes }
}

/// Functions and bound methods a template can call.
enum Callable {
    case range, dict, namespace, lipsum, cycler, joiner
    case method(Value, String)
    case loopCycle(LoopContext)
    case loopChanged(LoopContext)
    /// A `cycler(...)` object; its methods are `.cyclerNext`/`.cyclerReset`.
    case cyclerObject(Cycler)
    case cyclerNext(Cycler)
    case cyclerReset(Cycler)
    /// `super()` inside a block: the next definition up the inheritance chain.
    case superBlock(String, Int)
    /// `self`, whose attributes are the template's blocks (`self.title()`).
    case selfReference
    case blockReference(String)
    case joinerCall(Joiner)

    var name: String {
        switch self {
        case .range: return "range"
        case .dict: return "dict"
        case .namespace: return "namespace"
        case .lipsum: return "generate_lorem_ipsum"
        case .cycler: return "Cycler"
        case .joiner: return "Joiner"
        case .method(_, let n): return n
        case .loopCycle: return "cycle"
        case .loopChanged: return "changed"
        case .cyclerObject: return "Cycler"
        case .cyclerNext: return "next"
        case .cyclerReset: return "reset"
        case .superBlock: return "super"
        case .selfReference: return "TemplateReference"
        case .blockReference(let name): return name
        case .joinerCall: return "Joiner"
        }
    }
}

/// `cycler(...)` state.
final class Cycler {
    let items: [Value]
    var position = 0
    init(_ items: [Value]) { self.items = items }
}

/// `joiner(sep)` state: returns "" the first time, `sep` afterwards.
final class Joiner {
    let separator: String
    var used = false
    init(_ separator: String) { self.separator = separator }
}

/// The result of a Jinja2 filter that returns a Python iterator or view (`map`, `select`, `unique`,
/// `reverse`, `batch`, `items`, `range`, `dict.items()` …), materialised but remembering what it is,
/// because Python prints, measures and indexes those differently from lists.
struct LazySequence {
    /// Which Python object it stands for (decides `str()`, `len()` and indexing).
    enum Kind {
        case generator
        case reverseIterator(String)
        case range(Int, Int, Int)
        case dictKeys, dictValues, dictItems
    }
    var items: [Value]
    var kind: Kind

    /// Python `str()` of the object. Generators and iterators print a memory address in Python; we print
    /// a fixed address (see README, deviations).
    var text: String {
        switch kind {
        case .generator: return "<generator object at 0x0>"
        case .reverseIterator(let type): return "<\(type)_reverseiterator object at 0x0>"
        case .range(let a, let b, let s): return s == 1 ? "range(\(a), \(b))" : "range(\(a), \(b), \(s))"
        case .dictKeys: return "dict_keys(\(Value.array(items).pythonRepr))"
        case .dictValues: return "dict_values(\(Value.array(items).pythonRepr))"
        case .dictItems: return "dict_items(\(Value.array(items).pythonRepr))"
        }
    }

    /// Whether Python's `len()` works on it.
    var hasLength: Bool {
        switch kind {
        case .generator, .reverseIterator: return false
        default: return true
        }
    }

    var typeName: String {
        switch kind {
        case .generator: return "generator"
        case .reverseIterator(let t): return "\(t)_reverseiterator"
        case .range: return "range"
        case .dictKeys: return "dict_keys"
        case .dictValues: return "dict_values"
        case .dictItems: return "dict_items"
        }
    }
}
