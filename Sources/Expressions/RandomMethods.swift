import Basics

/// The methods of the `random` object (the Python tool's SeededRandom surface plus `randrange` and
/// `getrandbits`), mapping language values onto `PythonRandom`.
enum RandomMethods {
    static let names: Set<String> = ["random", "randint", "choice", "sample", "shuffle", "uniform", "gauss", "randrange", "getrandbits"]

    static func choice(_ rng: PythonRandom, _ seq: RuntimeValue) throws(ExpressionError) -> RuntimeValue {
        switch seq {
        case .value(.array(let a)), .value(.tuple(let a)):
            return .value(a[try rng.choiceIndex(count: a.count)])
        case .value(.string), .range:
            let n = try PythonRuntime.length(seq)
            return try PythonRuntime.getItem(seq, .int(try rng.choiceIndex(count: n)))
        default:
            throw .type("'\(PythonRuntime.typeName(seq))' object is not subscriptable")
        }
    }

    static func shuffle(_ rng: PythonRandom, _ target: inout Value) throws(ExpressionError) {
        guard case .array(var items) = target else {
            throw .type("'\(target.pythonTypeName)' object does not support item assignment")
        }
        target = .null
        rng.shuffle(&items)
        target = .array(items)
    }

    static func int(_ v: RuntimeValue, _ what: String) throws(ExpressionError) -> Int {
        switch v {
        case .value(.int(let i)): return i
        case .value(.bool(let b)): return b ? 1 : 0
        case .value(.double(let d)):
            guard d.rounded(.down) == d, let i = Int(exactly: d) else { throw .value("non-integer arg 1 for \(what)()") }
            return i
        default: throw .type("'\(PythonRuntime.typeName(v))' object cannot be interpreted as an integer")
        }
    }

    static func float(_ v: RuntimeValue) throws(ExpressionError) -> Double {
        guard case .value(let x) = v, let n = NumericValue(x) else {
            throw .type("must be real number, not \(PythonRuntime.typeName(v))")
        }
        return n.asDouble
    }

    static func call(_ rng: PythonRandom, _ name: String, _ a: ExpressionCompiler.Arguments) throws(ExpressionError) -> RuntimeValue {
        let p = a.positional
        func kw(_ key: String, _ index: Int) -> RuntimeValue? {
            if index < p.count { return p[index] }
            return a.keywords.first { $0.0 == key }?.1
        }
        func need(_ count: Int) throws(ExpressionError) {
            if p.count + a.keywords.count < count { throw .type("\(name)() missing required arguments") }
        }
        switch name {
        case "random": return .value(.double(rng.random()))
        case "randint":
            try need(2)
            return .int(try rng.randint(try int(p[0], name), try int(p[1], name)))
        case "randrange":
            try need(1)
            let start = try int(p[0], name)
            let stop = try kw("stop", 1).flatMap { (v: RuntimeValue) throws(ExpressionError) -> Int? in
                if case .value(.null) = v { return nil }
                return try int(v, name)
            }
            let step = try kw("step", 2).map { (v: RuntimeValue) throws(ExpressionError) -> Int in try int(v, name) } ?? 1
            return .int(try rng.randrange(start, stop, step: step))
        case "getrandbits":
            try need(1)
            return .int(try rng.getrandbits(try int(p[0], name)))
        case "choice":
            try need(1)
            return try choice(rng, p[0])
        case "sample":
            guard let population = kw("population", 0), let kValue = kw("k", 1) else { throw .type("sample() missing required arguments") }
            let items: [RuntimeValue]
            switch population {
            case .value(.array), .value(.tuple), .value(.string), .range:
                items = try PythonRuntime.elements(of: population)
            default:
                throw .type("Population must be a sequence.  For dicts or sets, use sorted(d).")
            }
            let k = try int(kValue, name)
            let indices = try rng.sampleIndices(populationCount: items.count, k: k)
            return .value(.array(try indices.map { (i: Int) throws(ExpressionError) -> Value in try items[i].toValue() }))
        case "shuffle":
            throw .type("shuffle() needs a list variable")
        case "uniform":
            try need(2)
            return .value(.double(rng.uniform(try float(p[0]), try float(p[1]))))
        case "gauss":
            let mu = try kw("mu", 0).map { (v: RuntimeValue) throws(ExpressionError) -> Double in try float(v) } ?? 0
            let sigma = try kw("sigma", 1).map { (v: RuntimeValue) throws(ExpressionError) -> Double in try float(v) } ?? 1
            return .value(.double(rng.gauss(mu: mu, sigma: sigma)))
        default:
            throw ExpressionError(.attribute, "'SeededRandom' object has no attribute '\(name)'")
        }
    }
}
