import Basics

/// An expression parsed and compiled once, evaluated many times.
///
/// Invariants: names are resolved against `names` (shared by every expression compiled with the same table);
/// evaluation never mutates the compiled form, so one `CompiledExpression` can serve many environments.
/// A class so that passing it around costs a retain, not a copy of the syntax tree.
public final class CompiledExpression: Sendable {
    public let source: String
    public let dialect: ExpressionDialect
    public let names: NameTable
    public let syntaxTree: ExpressionNode
    let evaluator: Evaluator
    /// The truth-value form (`compileCondition`), built when the expression was compiled `asCondition`.
    let condition: Condition?
    /// Slots this expression may touch (the name table's size right after compiling it).
    let requiredSlots: Int

    public convenience init(_ source: String, dialect: ExpressionDialect = .python, names: NameTable = NameTable()) throws(ExpressionError) {
        try self.init(source, dialect: dialect, names: names, assignedTo: nil)
    }

    /// `assignedTo`: the name the caller stores the result under (expression steps). `name + [items]` then
    /// appends to the name's list in place instead of copying it, which is unobservable because the old
    /// value is about to be replaced.
    init(_ source: String, dialect: ExpressionDialect, names: NameTable, assignedTo target: String?,
         asCondition: Bool = false) throws(ExpressionError) {
        self.source = source
        self.dialect = dialect
        self.names = names
        syntaxTree = try ExpressionParser.parse(source, dialect: dialect)
        var compiler = ExpressionCompiler(names: names, dialect: dialect)
        if let target, let selfAppend = try compiler.compileSelfAppend(syntaxTree, target: target) {
            evaluator = selfAppend.run
        } else {
            evaluator = try compiler.compile(syntaxTree)
        }
        condition = asCondition ? try compiler.compileCondition(syntaxTree).run : nil
        requiredSlots = names.count
    }

    /// Evaluates in an existing environment (the step evaluator and Templates use this).
    public func evaluate(in env: Environment) throws(ExpressionError) -> RuntimeValue {
        if env.slots.count < requiredSlots { env.slots.append(contentsOf: names.defaultSlots().dropFirst(env.slots.count)) }
        env.resetSteps()
        return try evaluator(env)
    }

    /// Evaluates with `context` as the names and returns a plain value.
    public func evaluate(context: ValueObject, random: PythonRandom? = nil, limits: ExpressionLimits = .standard) throws(ExpressionError) -> Value {
        let env = Environment(names: names, random: random, limits: limits)
        env.bind(context)
        return try evaluate(in: env).toValue()
    }

    /// Python truthiness of the result in an existing environment (the condition form when compiled
    /// `asCondition`: same answer and errors, no intermediate values).
    func isTrue(in env: Environment) throws(ExpressionError) -> Bool {
        if let condition { return try condition(env) }
        return PythonRuntime.truthy(try evaluator(env))
    }

    /// Python truthiness of the result (validation rules: `when`/`expr`).
    public func isTrue(context: ValueObject, random: PythonRandom? = nil) throws(ExpressionError) -> Bool {
        let env = Environment(names: names, random: random)
        env.bind(context)
        return PythonRuntime.truthy(try evaluate(in: env))
    }
}
