import Basics
import Foundation

/// Implementations of `Builtin` calls with CPython's results and error messages.
enum Builtins {
    typealias Args = ExpressionCompiler.Arguments

    static func keyword(_ a: Args, _ name: String) -> RuntimeValue? { a.keywords.first { $0.0 == name }?.1 }

    static func arity(_ b: Builtin, _ a: Args, _ range: ClosedRange<Int>) throws(ExpressionError) {
        if !range.contains(a.positional.count) {
            throw .type("\(b.rawValue)() takes \(range.lowerBound == range.upperBound ? "exactly \(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)") argument(s) (\(a.positional.count) given)")
        }
    }

    static func number(_ v: RuntimeValue, _ b: Builtin) throws(ExpressionError) -> NumericValue {
        guard case .value(let x) = v, let n = NumericValue(x) else {
            throw .type("must be real number, not \(PythonRuntime.typeName(v))")
        }
        return n
    }

    static func values(_ v: RuntimeValue, _ env: Environment) throws(ExpressionError) -> [Value] {
        var out: [Value] = []
        if case .range(let a, let b, let c) = v { try env.limits.checkCollection(rangeLength(a, b, c)) }
        try forEachElement(v, env) { (e: RuntimeValue) throws(ExpressionError) in
            try env.step()
            out.append(try e.toValue())
        }
        return out
    }

    static func call(_ b: Builtin, _ a: Args, _ env: Environment) throws(ExpressionError) -> RuntimeValue {
        let p = a.positional
        switch b {
        case .len:
            try arity(b, a, 1...1)
            return .int(try PythonRuntime.length(p[0]))
        case .abs:
            try arity(b, a, 1...1)
            switch try number(p[0], b) {
            case .int(let i):
                if i == Int.min { throw .overflow() }
                return .int(Swift.abs(i))
            case .double(let d): return .value(.double(Swift.abs(d)))
            }
        case .bool:
            try arity(b, a, 0...1)
            return .bool(p.isEmpty ? false : PythonRuntime.truthy(p[0]))
        case .str:
            try arity(b, a, 0...1)
            if let first = p.first { try env.limits.checkText(of: first) }
            return .value(.string(p.isEmpty ? "" : PythonRuntime.str(p[0])))
        case .repr:
            try arity(b, a, 1...1)
            try env.limits.checkText(of: p[0])
            return .value(.string(PythonRuntime.repr(p[0])))
        case .int: return try Conversions.int(a)
        case .float: return try Conversions.float(a)
        case .list:
            try arity(b, a, 0...1)
            return .value(.array(p.isEmpty ? [] : try values(p[0], env)))
        case .tuple:
            try arity(b, a, 0...1)
            return .value(.tuple(p.isEmpty ? [] : try values(p[0], env)))
        case .set:
            try arity(b, a, 0...1)
            return .value(.set(p.isEmpty ? [] : try HashKey.unique(try values(p[0], env))))
        case .dict: return try Conversions.dict(a, env)
        case .range:
            try arity(b, a, 1...3)
            var ints: [Int] = []
            for v in p { ints.append(try RandomMethods.int(v, "range")) }
            if ints.count == 1 { return .range(start: 0, stop: ints[0], step: 1) }
            let step = ints.count == 3 ? ints[2] : 1
            if step == 0 { throw .value("range() arg 3 must not be zero") }
            return .range(start: ints[0], stop: ints[1], step: step)
        case .sum:
            try arity(b, a, 1...2)
            var total: RuntimeValue = p.count > 1 ? p[1] : (keyword(a, "start") ?? .int(0))
            if case .value(.string) = total { throw .type("sum() can't sum strings [use ''.join(seq) instead]") }
            try forEachElement(p[0], env) { (e: RuntimeValue) throws(ExpressionError) in
                try env.step()
                total = try PythonRuntime.binary(.add, total, e, limits: env.limits)
            }
            return total
        case .min, .max: return try Aggregates.minMax(b == .max, a, env)
        case .sorted: return try Aggregates.sorted(a, env)
        case .all, .any:
            try arity(b, a, 1...1)
            let items = try PythonRuntime.elements(of: p[0], limits: env.limits)
            return .bool(b == .all ? items.allSatisfy(PythonRuntime.truthy) : items.contains(where: PythonRuntime.truthy))
        case .enumerate:
            try arity(b, a, 1...2)
            var i = p.count > 1 ? try RandomMethods.int(p[1], "enumerate") : (try keyword(a, "start").map { (v: RuntimeValue) throws(ExpressionError) -> Int in try RandomMethods.int(v, "enumerate") } ?? 0)
            var out: [Value] = []
            for e in try values(p[0], env) { out.append(.tuple([.int(i), e])); i += 1 }
            return .value(.array(out))
        case .zip:
            let lists = try p.map { (v: RuntimeValue) throws(ExpressionError) -> [Value] in try values(v, env) }
            let n = lists.map(\.count).min() ?? 0
            return .value(.array((0..<n).map { i in .tuple(lists.map { $0[i] }) }))
        case .reversed:
            try arity(b, a, 1...1)
            if case .value(.set) = p[0] { throw .type("'set' object is not reversible") }
            if case .value(.object(let o)) = p[0] { return .value(.array(o.keys.reversed().map { .string($0) })) }
            return .value(.array(try values(p[0], env).reversed()))
        case .map, .filter: return try Aggregates.mapFilter(b, a, env)
        case .isinstance: return try Conversions.isinstance(a)
        case .chr:
            try arity(b, a, 1...1)
            let i = try RandomMethods.int(p[0], "chr")
            guard i >= 0, let scalar = Unicode.Scalar(UInt32(clamping: i)) else { throw .value("chr() arg not in range(0x110000)") }
            return .value(.string(String(scalar)))
        case .ord:
            try arity(b, a, 1...1)
            guard case .value(.string(let s)) = p[0], s.unicodeScalars.count == 1, let c = s.unicodeScalars.first else {
                throw .type("ord() expected a character")
            }
            return .int(Int(c.value))
        case .hex, .oct, .bin:
            try arity(b, a, 1...1)
            let i = try RandomMethods.int(p[0], b.rawValue)
            let prefix = b == .hex ? "0x" : (b == .oct ? "0o" : "0b")
            let digits = String(i.magnitude, radix: b == .hex ? 16 : (b == .oct ? 8 : 2))
            return .value(.string((i < 0 ? "-" : "") + prefix + digits))
        case .divmod:
            try arity(b, a, 2...2)
            let q = try PythonRuntime.binary(.floorDivide, p[0], p[1]), r = try PythonRuntime.binary(.modulo, p[0], p[1])
            return .value(.tuple([try q.toValue(), try r.toValue()]))
        case .pow:
            try arity(b, a, 2...3)
            if p.count == 3 { return try Conversions.modularPower(p[0], p[1], p[2]) }
            return try PythonRuntime.binary(.power, p[0], p[1])
        case .round: return try Rounding.round(a)
        case .format:
            try arity(b, a, 1...2)
            let spec = p.count > 1 ? PythonRuntime.str(p[1]) : ""
            try env.limits.checkText(of: p[0])
            return .value(.string(try FormatSpec.format(p[0], spec: spec)))
        case .dir:
            return .value(.array(Array(Set(env.contextNames)).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }.map { .string($0) }))
        case .slice:
            throw ExpressionError(.notSupported, "slice objects are not supported; use x[a:b:c]")
        default:
            return try MathFunctions.call(b, a)
        }
    }
}
