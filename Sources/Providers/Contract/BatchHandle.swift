import Basics

/// What identifies a submitted batch job, persisted as JSON in the chunk's state so a resumed run can
/// poll and collect a batch submitted by an earlier process.
///
/// Invariants: `provider` and `id` are non-empty; `requestCount` is the number of requests submitted;
/// `details` holds provider-specific identifiers (input/output file ids, result URLs) and never secrets;
/// `init(value:)` accepts exactly what `value` produces.
public struct BatchHandle: Sendable, Equatable, Hashable {
    public var provider: String
    public var id: String
    public var requestCount: Int
    /// The wall-clock submission time, `%Y-%m-%dT%H:%M:%SZ`, when known.
    public var submittedAt: String?
    public var details: ValueObject

    public init(provider: String, id: String, requestCount: Int, submittedAt: String? = nil,
                details: ValueObject = [:]) {
        self.provider = provider
        self.id = id
        self.requestCount = requestCount
        self.submittedAt = submittedAt
        self.details = details
    }

    /// `{"provider", "id", "request_count", "submitted_at", "details"}`.
    public var value: Value {
        var object: ValueObject = ["provider": .string(provider), "id": .string(id),
                                   "request_count": .int(requestCount)]
        object["submitted_at"] = submittedAt.map(Value.string) ?? .null
        object["details"] = .object(details)
        return .object(object)
    }

    public init(value: Value) throws(BatchHandleError) {
        guard let provider = value["provider"]?.stringValue, !provider.isEmpty,
              let id = value["id"]?.stringValue, !id.isEmpty,
              let count = value["request_count"]?.intValue
        else { throw BatchHandleError(json: JSONWriter.python(value)) }
        self.init(provider: provider, id: id, requestCount: count,
                  submittedAt: value["submitted_at"]?.stringValue,
                  details: value["details"]?.objectValue ?? [:])
    }
}

/// A stored batch handle that cannot be read back.
public struct BatchHandleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var json: String
    public var description: String { "not a batch handle (needs provider, id, request_count): \(json.prefix(200))" }
}
