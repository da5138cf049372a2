import Basics

/// The mutable state of one evaluation context: the slot array that names were resolved to at compile
/// time, the unit's random generator, the step budget and the Jinja filter/test provider.
///
/// Invariants: `slots.count == names.count` after `bind`; an unbound slot holds `.undefined(name)`.
/// Not thread-safe: one environment per unit being evaluated (cheap to create).
public final class Environment {
    public let names: NameTable
    /// The slots live behind a pointer owned by this object: element access then needs no dynamic
    /// exclusivity check (it is the hottest access of evaluation).
    private let slotStorage: UnsafeMutablePointer<SlotBuffer>
    var slots: SlotBuffer {
        // Addressors, not coroutines: every access is a plain pointer dereference after inlining.
        unsafeAddress { UnsafePointer(slotStorage) }
        unsafeMutableAddress { slotStorage }
    }
    /// The unit's generator (created with seed 0 on first use when nil).
    public var random: PythonRandom? {
        get { hot.pointee.random }
        set {
            hot.pointee.random = newValue
            hot.pointee.unretainedRandom = newValue.map { Unmanaged.passUnretained($0) }
        }
    }
    public let limits: ExpressionLimits
    /// Per-evaluation mutable state behind a pointer owned by this object, so the hot path pays no dynamic
    /// exclusivity checks.
    private struct HotState {
        var stepsLeft: Int
        var random: PythonRandom?
        /// `random` without a reference count, for draws on the hot path (kept alive by `random`).
        var unretainedRandom: Unmanaged<PythonRandom>?
    }
    private let hot: UnsafeMutablePointer<HotState>
    public var provider: (any FilterTestProvider)?
    /// The bound context's keys (shared with the context, not copied), minus `hiddenNames`, plus `extraNames`:
    /// what `dir()` lists and name errors offer.
    private var boundKeys: [String] = []
    var hiddenNames: Set<String> = []
    var extraNames: [String] = []

    var contextNames: [String] {
        var out = hiddenNames.isEmpty ? boundKeys : boundKeys.filter { !hiddenNames.contains($0) }
        for name in extraNames where !out.contains(name) { out.append(name) }
        return out
    }

    public init(names: NameTable, random: PythonRandom? = nil, limits: ExpressionLimits = .standard,
                provider: (any FilterTestProvider)? = nil) {
        self.names = names
        self.limits = limits
        self.provider = provider
        hot = UnsafeMutablePointer<HotState>.allocate(capacity: 1)
        hot.initialize(to: HotState(stepsLeft: limits.maxSteps, random: random,
                                    unretainedRandom: random.map { Unmanaged.passUnretained($0) }))
        slotStorage = UnsafeMutablePointer<SlotBuffer>.allocate(capacity: 1)
        slotStorage.initialize(to: SlotBuffer(names.defaultSlots()))
    }

    deinit {
        slotStorage.pointee.destroy()
        slotStorage.deinitialize(count: 1)
        slotStorage.deallocate()
        hot.deinitialize(count: 1)
        hot.deallocate()
    }

    /// Makes every key of `context` visible by name (keys the compiled code never mentions are only
    /// remembered for `dir()`).
    public func bind(_ context: ValueObject) {
        bind(context, excluding: [])
    }

    /// Binds every key of `context` except `excluded` ones.
    public func bind(_ context: ValueObject, excluding excluded: Set<String>) {
        if slots.count < names.count { slots.append(contentsOf: names.defaultSlots().dropFirst(slots.count)) }
        let keys = context.keys, values = context.values
        for i in keys.indices where excluded.isEmpty || !excluded.contains(keys[i]) {
            if let slot = names.slot(of: keys[i]) { slots[slot] = .value(values[i]) }
        }
        boundKeys = keys
        hiddenNames = excluded
    }

    /// Binds a unit whose keys were resolved to slots in advance (`UnitLayout.bindingSlots`: the slot of
    /// each key, -1 for keys that are hidden or never read). `hidden` names are kept out of `dir()` and
    /// name-error suggestions, as `bind(_:excluding:)` does.
    func bind(_ context: ValueObject, slots keySlots: [Int], hidden: Set<String>) {
        let values = context.values
        for i in keySlots.indices where keySlots[i] >= 0 { slots[keySlots[i]] = .value(values[i]) }
        boundKeys = context.keys
        hiddenNames = hidden
    }

    /// Sets a name (registering it in the name table if needed).
    public func set(_ name: String, _ value: RuntimeValue) {
        let slot = names.slot(for: name)
        if slots.count <= slot { slots.append(contentsOf: names.defaultSlots().dropFirst(slots.count)) }
        slots[slot] = value
        if !extraNames.contains(name) { extraNames.append(name) }
    }

    /// Direct slot access for callers that resolved a name once (`names.slot(for:)`), e.g. a template loop
    /// variable set on every iteration.
    public subscript(slot index: Int) -> RuntimeValue {
        get { slots[index] }
        set {
            if slots.count <= index { slots.append(contentsOf: names.defaultSlots().dropFirst(slots.count)) }
            slots[index] = newValue
        }
    }

    /// The current value of a name, nil when unbound.
    public func get(_ name: String) -> RuntimeValue? {
        guard let slot = names.slot(of: name), slot < slots.count else { return nil }
        if case .undefined = slots[slot] { return nil }
        return slots[slot]
    }

    /// Resets the step budget (called per top-level evaluation).
    func resetSteps() { hot.pointee.stepsLeft = limits.maxSteps }

    @inline(__always) func step(_ count: Int = 1) throws(ExpressionError) {
        hot.pointee.stepsLeft -= count
        if hot.pointee.stepsLeft < 0 {
            throw ExpressionError(.limit, "evaluation exceeded \(limits.maxSteps) steps")
        }
    }

    func rng() throws(ExpressionError) -> PythonRandom {
        if let random = hot.pointee.random { return random }
        let r = PythonRandom(seed: 0)
        random = r
        return r
    }

    /// `_randbelow(n)` on the unit's generator without retaining it (the hottest draw: `random.choice`).
    @inline(__always) func randomBelow(_ n: Int) throws(ExpressionError) -> Int {
        if let unretained = hot.pointee.unretainedRandom {
            return unretained._withUnsafeGuaranteedRef { $0.randbelow(n) }
        }
        return try rng().randbelow(n)
    }
}

/// Name → slot resolution shared by all expressions compiled together (e.g. all of one step), so a name
/// written by one expression is read by the next through the same slot.
///
/// Invariant: slots are dense and never reused; hidden comprehension variables get names that cannot be
/// written in source (`for#N:x`).
public final class NameTable: @unchecked Sendable {
    /// Which builtins are bound by default.
    public enum BuiltinScope: Sendable {
        /// asteval's default symtable subset (expression steps, `processing.expressions`, statistics).
        case full
        /// The Python tool's validation interpreter: only `sum len min max abs round all any sorted list dict
        /// set str int float bool isinstance enumerate zip range`; no `random`, math, `dir`, `tuple`, `map`...;
        /// generator expressions are rejected (asteval raises NotImplementedError there).
        case validation
    }

    public static let validationBuiltins: Set<Builtin> = [
        .sum, .len, .min, .max, .abs, .round, .all, .any, .sorted, .list, .dict, .set, .str, .int, .float, .bool,
        .isinstance, .enumerate, .zip, .range,
    ]

    public let scope: BuiltinScope
    private var slotsByName: [String: Int] = [:]
    private var mutated: [String] = []
    public private(set) var allNames: [String] = []
    private var cachedDefaults: [RuntimeValue] = []
    private let lock = NSLockish()

    public init(builtins scope: BuiltinScope) {
        self.scope = scope
    }

    public convenience init() {
        self.init(builtins: .full)
    }

    public var count: Int { lock.withLock { allNames.count } }

    public func slot(of name: String) -> Int? { lock.withLock { slotsByName[name] } }

    /// Names some compiled expression mutates in place (`xs.append(...)`, `random.shuffle(xs)`).
    public var mutatedNames: [String] { lock.withLock { mutated } }

    func markMutated(_ name: String) {
        lock.withLock { if !mutated.contains(name) { mutated.append(name) } }
    }

    public func slot(for name: String) -> Int {
        lock.withLock {
            if let s = slotsByName[name] { return s }
            let s = allNames.count
            allNames.append(name)
            slotsByName[name] = s
            return s
        }
    }

    /// The initial value of every slot (builtins, `random`, math constants, else undefined), cached.
    func defaultSlots() -> [RuntimeValue] {
        lock.withLock {
            if cachedDefaults.count == allNames.count { return cachedDefaults }
            for name in allNames.dropFirst(cachedDefaults.count) {
                let full = scope == .full
                if name == "random" && full {
                    cachedDefaults.append(.random)
                } else if let b = Builtin.byName[name], full || NameTable.validationBuiltins.contains(b) {
                    cachedDefaults.append(.builtin(b))
                } else if full, let c = Builtin.constants[name] {
                    cachedDefaults.append(.value(c))
                } else {
                    cachedDefaults.append(.undefined(name))
                }
            }
            return cachedDefaults
        }
    }
}
