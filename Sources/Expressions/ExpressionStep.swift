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
    static let metadataKeys = ["expression_step"]
    static let loopMetadataKeys = ["expression_step", "iterations", "timeout"]

    public let stepName: String
    let initExpressions: [(name: String, slot: Int, code: CompiledExpression)]
    let expressions: [(name: String, slot: Int, code: CompiledExpression)]
    let loopUntil: CompiledExpression?
    public let maxIterations: Int
    let names: NameTable
    /// Names in first-assignment order: init names, then expression names not assigned by init.
    let initNames: [(name: String, slot: Int)]
    let expressionNames: [(name: String, slot: Int)]
    /// `initNames + expressionNames`: every assigned name with its slot, in output order.
    let assignedSlots: [(name: String, slot: Int)]
    let initAndExpressionNames: [String]
    let initNameStrings: [String]
    /// Every name the compiled code may read from a unit (not hidden, not a comprehension variable), with
    /// its slot: binding a unit is then one lookup per unit key, with no name-table locking.
    let bindings: [String: Int]
    /// Whether any expression mentions `random`; a step that does not never seeds a generator.
    let usesRandom: Bool
    /// Whether any expression could build a `set` (the output check for unserialisable sets is skipped
    /// when none can).
    let mayBuildSet: Bool
    /// `init` as one fused sequence, and one loop iteration (the expressions, then `loop_until`).
    let initSequence: AssignmentSequence
    let iterationSequence: AssignmentSequence
    /// Names mutated in place that may be unit fields passed through unassigned.
    let mutatedPassThroughNames: [(name: String, slot: Int)]

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
            do throws(ExpressionError) { self.loopUntil = try CompiledExpression(loopUntil, dialect: .python, names: names, assignedTo: nil, asCondition: true) } catch {
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
        assignedSlots = first + second
        initAndExpressionNames = (first + second).map(\.name)
        initNameStrings = first.map(\.name)
        let all = self.initExpressions + self.expressions
        initSequence = AssignmentSequence(self.initExpressions.map { ($0.slot, EvaluatorBox(run: $0.code.evaluator)) },
                                          condition: nil)
        iterationSequence = AssignmentSequence(self.expressions.map { ($0.slot, EvaluatorBox(run: $0.code.evaluator)) },
                                               condition: self.loopUntil?.condition.map { ConditionBox(run: $0) })
        bindings = Dictionary(uniqueKeysWithValues: names.allNames.enumerated().compactMap { slot, name in
            name.contains("#") || ExpressionStep.hiddenKeys.contains(name) ? nil : (name, slot)
        })
        let sources = all.map(\.code.syntaxTree) + (self.loopUntil.map { [$0.syntaxTree] } ?? [])
        usesRandom = names.slot(of: "random") != nil
        mayBuildSet = sources.contains { $0.mayBuildSet }
        mutatedPassThroughNames = names.mutatedNames.compactMap { name in
            guard !ExpressionStep.hiddenKeys.contains(name), !seen.contains(name), let slot = names.slot(of: name) else {
                return nil
            }
            return (name, slot)
        }
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
        try run(unit: unit, random: usesRandom ? PythonRandom(seed: ExpressionStep.seed(for: unit, stepName: stepName)) : nil,
                layout: layout(for: unit))
    }

    /// The layout of `unit`'s keys for this step; `initOnly` for an output of a loop that never iterated
    /// (only the init names are assigned then).
    func layout(for unit: ValueObject, initOnly: Bool = false) -> UnitLayout {
        UnitLayout(keys: unit.keys, bindings: bindings, assignedNames: initOnly ? initNameStrings : initAndExpressionNames,
                   mutatedPassThrough: mutatedPassThroughNames)
    }

    /// Evaluates the step for each unit, in order: the same records and failures as `run(unit:)` one by one,
    /// but the units' generators are seeded eight at a time (`MersenneTwister.seededLanes`): seeding is most
    /// of the cost of a short random walk, and eight seeds side by side cost about what two cost one by one.
    public func run(units: [ValueObject]) -> [Result<ValueObject, Failure>] {
        var results: [Result<ValueObject, Failure>] = []
        results.reserveCapacity(units.count)
        var layout: UnitLayout?
        var start = 0
        while start < units.count {
            let end = min(start + MersenneTwister.laneCount, units.count)
            var generators: [PythonRandom?] = Array(repeating: nil, count: end - start)
            if usesRandom {
                let seeds = units[start..<end].map { ExpressionStep.seed(for: $0, stepName: stepName) }
                if seeds.count == MersenneTwister.laneCount, seeds.allSatisfy({ $0.magnitude < 1 << 32 }) {
                    let lanes = SIMD8<UInt32>(seeds.map { UInt32(truncatingIfNeeded: $0.magnitude) })
                    generators = MersenneTwister.seededLanes(lanes).map { PythonRandom(engine: $0) }
                } else {
                    generators = seeds.map { PythonRandom(seed: $0) }
                }
            }
            for k in 0..<(end - start) {
                let unit = units[start + k]
                let current: UnitLayout
                if let layout, layout.matches(unit) { current = layout } else { current = self.layout(for: unit) }
                layout = current
                do throws(Failure) {
                    results.append(.success(try run(unit: unit, random: generators[k], layout: current)))
                } catch {
                    results.append(.failure(error))
                }
            }
            start = end
        }
        return results
    }

    private func run(unit: ValueObject, random: PythonRandom?, layout: UnitLayout) throws(Failure) -> ValueObject {
        let env = Environment(names: names, random: random)
        env.bind(unit, slots: layout.bindingSlots, hidden: ExpressionStep.hiddenKeys)
        // Every expression was compiled before `env` existed, so its slots are all allocated; the sequences
        // call the evaluators directly (no per-call slot check), each with a fresh step budget.
        func failure(_ list: [(name: String, slot: Int, code: CompiledExpression)], _ f: AssignmentSequence.Failure) -> Failure {
            if f.index < list.count {
                return Failure(expressionName: list[f.index].name, error: f.error, source: list[f.index].code.source)
            }
            return Failure(expressionName: "loop_until", error: f.error, source: loopUntil?.source ?? "")
        }
        env.extraNames = initNameStrings
        do throws(AssignmentSequence.Failure) { _ = try initSequence.run(env) } catch { throw failure(initExpressions, error) }
        if loopUntil == nil || maxIterations > 0 { env.extraNames = initAndExpressionNames }
        var iterations = 0
        var conditionMet = false
        let iteration = iterationSequence.run
        do throws(AssignmentSequence.Failure) {
            if loopUntil != nil {
                while iterations < maxIterations {
                    let met = try iteration(env)
                    iterations += 1
                    if met { conditionMet = true; break }
                }
            } else {
                _ = try iteration(env)
            }
        } catch {
            throw failure(expressions, error)
        }
        // The output: the unit's keys in order (assigned ones updated in place), then new names in
        // first-assignment order, then `_metadata`. The layout says where each value goes (and its key array
        // is shared by every output of that layout).
        let expressionsRan = iterations > 0 || loopUntil == nil
        let output = expressionsRan ? layout : self.layout(for: unit, initOnly: true)
        var values = unit.values
        values.reserveCapacity(output.outputKeys.count)
        while values.count < output.outputKeys.count { values.append(.null) }
        for (k, (name, slot)) in (expressionsRan ? assignedSlots : initNames).enumerated() {
            do throws(ExpressionError) {
                let value = try env.slots[slot].toValue()
                if mayBuildSet, ExpressionStep.containsSet(value) {
                    // json.dumps cannot write sets: the Python tool fails this unit.
                    throw ExpressionError.type("Object of type set is not JSON serializable")
                }
                values[output.assignedIndices[k]] = value
            } catch {
                throw Failure(expressionName: name, error: error)
            }
        }
        // A unit field mutated in place (`path.append(x)`) is the same object in the Python tool's output.
        for (index, slot) in output.mutatedIndices {
            if case .value(let v) = env.slots[slot] { values[index] = v }
        }
        let metadata: ValueObject
        if output.hasMetadata, var existing = unit["_metadata"]?.objectValue {
            existing["expression_step"] = .string(stepName)
            if loopUntil != nil {
                existing["iterations"] = .int(iterations)
                existing["timeout"] = .bool(!conditionMet)
            }
            metadata = existing
        } else if loopUntil != nil {
            metadata = ValueObject(uniqueKeys: ExpressionStep.loopMetadataKeys,
                                   values: [.string(stepName), .int(iterations), .bool(!conditionMet)])
        } else {
            metadata = ValueObject(uniqueKeys: ExpressionStep.metadataKeys, values: [.string(stepName)])
        }
        values[output.metadataIndex] = .object(metadata)
        return ValueObject(uniqueKeys: output.outputKeys, values: values)
    }
}
