import Basics

/// Sandbox limits applied during evaluation, so hostile or mistaken expressions fail fast instead of
/// exhausting memory or time.
///
/// Invariants: sizes are checked *before* allocating (`'a' * 10**10` fails without building the string);
/// `maxSteps` bounds the total loop iterations (comprehensions, builtins walking collections) of one
/// evaluation.
public struct ExpressionLimits: Sendable {
    public var maxCollectionSize: Int
    public var maxStringLength: Int
    public var maxSteps: Int

    public init(maxCollectionSize: Int = 10_000_000, maxStringLength: Int = 10_000_000, maxSteps: Int = 2_000_000) {
        self.maxCollectionSize = maxCollectionSize
        self.maxStringLength = maxStringLength
        self.maxSteps = maxSteps
    }

    public static let standard = ExpressionLimits()

    func checkCollection(_ count: Int) throws(ExpressionError) {
        if count > maxCollectionSize {
            throw ExpressionError(.limit, "collection of \(count) elements exceeds the limit of \(maxCollectionSize)")
        }
    }

    /// Fails when `str()`/`repr()` of `value` would exceed `maxStringLength` (a shared structure such as
    /// `[[0] * 10**6] * 10**6` is small in memory but enormous as text). Cost is bounded by the limit.
    func checkText(of value: RuntimeValue) throws(ExpressionError) {
        guard case .value(let v) = value else { return }
        var budget = maxStringLength
        if !Self.fits(v, &budget) {
            throw ExpressionError(.limit, "text of the value would exceed the limit of \(maxStringLength) bytes")
        }
    }

    private static func fits(_ v: Value, _ budget: inout Int) -> Bool {
        switch v {
        case .string(let s): budget -= s.utf8.count + 2
        case .array(let items), .tuple(let items), .set(let items):
            budget -= 2
            for item in items {
                budget -= 2
                if budget < 0 || !fits(item, &budget) { return false }
            }
        case .object(let o):
            budget -= 2
            for (key, item) in o {
                budget -= key.utf8.count + 6
                if budget < 0 || !fits(item, &budget) { return false }
            }
        default: budget -= 24
        }
        return budget >= 0
    }

    func checkString(_ length: Int) throws(ExpressionError) {
        if length > maxStringLength {
            throw ExpressionError(.limit, "string of \(length) bytes exceeds the limit of \(maxStringLength)")
        }
    }
}
