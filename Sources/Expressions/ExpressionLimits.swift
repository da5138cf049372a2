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

    public init(maxCollectionSize: Int = 10_000_000, maxStringLength: Int = 100_000_000, maxSteps: Int = 2_000_000) {
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

    func checkString(_ length: Int) throws(ExpressionError) {
        if length > maxStringLength {
            throw ExpressionError(.limit, "string of \(length) bytes exceeds the limit of \(maxStringLength)")
        }
    }
}
