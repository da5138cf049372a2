import Basics

/// The pure computation of an expression step (`scope: expression`), as the Python tool's
/// `run_expression_step` does it (reference §1.8): one RNG per unit shared by `init`, every iteration and
/// the `loop_until` check; output = input keys, then new names in first-assignment order, then `_metadata`.
///
/// Invariants: compiled once (all expressions share one `NameTable`), evaluated per unit; an evaluation
/// failure is an `ExpressionStep.Failure` naming the expression; hitting `maxIterations` is not a failure
/// (`_metadata.timeout = true`).
public struct ExpressionStep: Sendable {
    /// A failing expression: which one, and why.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var expressionName: String
        public var error: ExpressionError
        /// The expression's source text (`error.offset` points into it); empty for output conversion errors.
        public var source: String = ""
        /// `Expression 'name' failed: <error>` as the Python tool words it.
        public var description: String { "Expression '\(expressionName)' failed: \(error.description)" }
    }

    public static let hiddenKeys: Set<String> = ["_metadata", "_raw_text", "_repetition_seed"]

    public let stepName: String
    let initExpressions: [(name: String, slot: Int, code: CompiledExpression)]
    let expressions: [(name: String, slot: Int, code: CompiledExpression)]
    let loopUntil: CompiledExpression?
    public let maxIterations: Int
    let names: NameTable
    /// Names in first-assignment order: init names, then expression names not assigned by init.
    let initNames: [(name: String, slot: Int)]
    let expressionNames: [(name: String, slot: Int)]
    let assignedNames: Set<String>
    let initAndExpressionNames: [String]
    let initNameStrings: [String]

    /// Compiles the step; a syntax error is a `Failure` naming the expression.
    public init(stepName: String, initExpressions: [(String, String)] = [], expressions: [(String, String)],
                loopUntil: String? = nil, maxIterations: Int = 1000) throws(Failure) {
        let names = NameTable()
        func compile(_ pairs: [(String, String)]) throws(Failure) -> [(name: String, slot: Int, code: CompiledExpression)] {
            var out: [(name: String, slot: Int, code: CompiledExpression)] = []
            for (name, source) in pairs {
                do throws(ExpressionError) {
                    out.append((name, names.slot(for: name),
                                try CompiledExpression(source, dialect: .python, names: names, assignedTo: name)))
                } catch {
                    throw Failure(expressionName: name, error: error, source: source)
                }
            }
            return out
        }
        self.stepName = stepName
        self.initExpressions = try compile(initExpressions)
        self.expressions = try compile(expressions)
        if let loopUntil {
            do throws(ExpressionError) { self.loopUntil = try CompiledExpression(loopUntil, names: names) } catch {
                throw Failure(expressionName: "loop_until", error: error, source: loopUntil)
            }
        } else {
            self.loopUntil = nil
        }
        self.maxIterations = maxIterations
        self.names = names
        var seen = Set<String>()
        var first: [(name: String, slot: Int)] = [], second: [(name: String, slot: Int)] = []
        for e in self.initExpressions where seen.insert(e.name).inserted { first.append((e.name, e.slot)) }
        for e in self.expressions where seen.insert(e.name).inserted { second.append((e.name, e.slot)) }
        initNames = first
        expressionNames = second
        assignedNames = seen
        initAndExpressionNames = (first + second).map(\.name)
        initNameStrings = first.map(\.name)
    }

    /// The seed the Python tool uses: `_repetition_seed` if present, else sha256(unit_id + step) & 0x7FFFFFFF.
    public static func seed(for unit: ValueObject, stepName: String) -> Int {
        if let s = unit["_repetition_seed"], case .int(let i) = s { return i }
        let unitID = unit["unit_id"].map { $0.stringValue ?? $0.pythonStr } ?? ""
        return SHA256.octobatchSeed(unitID + stepName)
    }

    static func containsSet(_ v: Value) -> Bool {
        switch v {
        case .set: return true
        case .array(let items), .tuple(let items): return items.contains(where: containsSet)
        case .object(let o): return o.values.contains(where: containsSet)
        default: return false
        }
    }

    /// Evaluates the step for one unit and returns the output record.
    public func run(unit: ValueObject) throws(Failure) -> ValueObject {
        let rng = PythonRandom(seed: ExpressionStep.seed(for: unit, stepName: stepName))
        let env = Environment(names: names, random: rng)
        env.bind(unit, excluding: ExpressionStep.hiddenKeys)
        // Every expression was compiled before `env` existed, so its slots are all allocated; evaluators are
        // called directly (no per-call slot check), with the step budget reset per expression.
        func evaluate(_ list: [(name: String, slot: Int, code: CompiledExpression)]) throws(Failure) {
            var i = 0
            while i < list.count {
                let slot = list[i].slot
                env.resetSteps()
                do throws(ExpressionError) {
                    env.slots[slot] = try list[i].code.evaluator(env)
                } catch {
                    throw Failure(expressionName: list[i].name, error: error, source: list[i].code.source)
                }
                i += 1
            }
        }
        env.extraNames = initNameStrings
        try evaluate(initExpressions)
        if loopUntil == nil || maxIterations > 0 { env.extraNames = initAndExpressionNames }
        var iterations = 0
        var conditionMet = false
        if let loopUntil {
            while iterations < maxIterations {
                try evaluate(expressions)
                iterations += 1
                env.resetSteps()
                do throws(ExpressionError) {
                    if PythonRuntime.truthy(try loopUntil.evaluator(env)) { conditionMet = true; break }
                } catch {
                    throw Failure(expressionName: "loop_until", error: error, source: loopUntil.source)
                }
            }
        } else {
            try evaluate(expressions)
        }
        var output = unit
        let assigned = iterations > 0 || loopUntil == nil ? initNames + expressionNames : initNames
        for (name, slot) in assigned {
            do throws(ExpressionError) {
                let value = try env.slots[slot].toValue()
                if ExpressionStep.containsSet(value) {
                    // json.dumps cannot write sets: the Python tool fails this unit.
                    throw ExpressionError.type("Object of type set is not JSON serializable")
                }
                output[name] = value
            } catch {
                throw Failure(expressionName: name, error: error)
            }
        }
        // A unit field mutated in place (`path.append(x)`) is the same object in the Python tool's output.
        for name in names.mutatedNames where unit.contains(name) && !ExpressionStep.hiddenKeys.contains(name)
            && !assignedNames.contains(name) {
            if let slot = names.slot(of: name), case .value(let v) = env.slots[slot] { output[name] = v }
        }
        var metadata = unit["_metadata"]?.objectValue ?? ValueObject()
        metadata["expression_step"] = .string(stepName)
        if loopUntil != nil {
            metadata["iterations"] = .int(iterations)
            metadata["timeout"] = .bool(!conditionMet)
        }
        output["_metadata"] = .object(metadata)
        return output
    }
}
