/// The command line of one subcommand after parsing: positionals in order, flags, and option values.
///
/// Invariant: every key is the long name of an option the subcommand declared (`--model`), so lookups with a
/// misspelled name are programming errors caught by tests, never silently empty at run time.
public struct ParsedArguments: Sendable, Equatable {
    public var command: String
    public var positionals: [String] = []
    public var flags: Set<String> = []
    public var values: [String: [String]] = [:]

    public init(command: String) { self.command = command }

    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The last value given for `name`.
    public func value(_ name: String) -> String? { values[name]?.last }

    public func allValues(_ name: String) -> [String] { values[name] ?? [] }

    /// An integer option, with a usage error naming the option when the value is not a whole number in range.
    public func int(_ name: String, range: ClosedRange<Int> = Int.min...Int.max) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            let bounds = range.lowerBound == Int.min ? "" : " from \(range.lowerBound)"
                + (range.upperBound == Int.max ? " up" : " to \(range.upperBound)")
            throw UsageError("\(name) takes a whole number\(bounds), not '\(text)'", command: command)
        }
        return number
    }

    /// A decimal option (`--max-cost 2.50`), non-negative unless `allowNegative`.
    public func double(_ name: String, allowNegative: Bool = false) throws -> Double? {
        guard let text = value(name) else { return nil }
        guard let number = Double(text), number.isFinite, allowNegative || number >= 0 else {
            throw UsageError("\(name) takes a \(allowNegative ? "" : "non-negative ")number, not '\(text)'",
                             command: command)
        }
        return number
    }
}
