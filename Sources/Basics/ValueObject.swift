/// An insertion-ordered string-keyed map: the object of `Value`, with Python dict semantics.
///
/// Invariants: keys are unique; `keys[i]` belongs to `values[i]`; assigning to an existing key keeps its
/// position; removing a key closes the gap. Small objects (the common case: a unit has about ten keys)
/// are searched linearly; past `indexThreshold` keys a hash index is kept in step with the arrays.
public struct ValueObject: Sendable {
    public private(set) var keys: [String]
    public private(set) var values: [Value]
    private var index: [String: Int]?

    private static let indexThreshold = 12

    public init() {
        keys = []
        values = []
        index = nil
    }

    public init(minimumCapacity: Int) {
        self.init()
        keys.reserveCapacity(minimumCapacity)
        values.reserveCapacity(minimumCapacity)
    }

    /// Builds an object from pairs; a later duplicate key replaces the earlier value in place.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, Value) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    /// Builds an object from parallel arrays whose keys the caller guarantees are distinct (the JSON reader,
    /// which has already checked).
    init(distinctKeys keys: [String], values: [Value]) {
        self.keys = keys
        self.values = values
        index = nil
        if keys.count > Self.indexThreshold { rebuildIndex() }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The position of `key`, or nil.
    public func position(of key: String) -> Int? {
        if let index { return index[key] }
        for i in keys.indices where keys[i] == key { return i }
        return nil
    }

    public func contains(_ key: String) -> Bool { position(of: key) != nil }

    public subscript(key: String) -> Value? {
        get {
            guard let i = position(of: key) else { return nil }
            return values[i]
        }
        set {
            if let newValue {
                if let i = position(of: key) {
                    values[i] = newValue
                } else {
                    keys.append(key)
                    values.append(newValue)
                    if index != nil {
                        index?[key] = keys.count - 1
                    } else if keys.count > Self.indexThreshold {
                        rebuildIndex()
                    }
                }
            } else {
                removeValue(forKey: key)
            }
        }
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> Value? {
        guard let i = position(of: key) else { return nil }
        keys.remove(at: i)
        let removed = values.remove(at: i)
        if index != nil {
            if keys.count > Self.indexThreshold { rebuildIndex() } else { index = nil }
        }
        return removed
    }

    /// Sets every pair of `other` on `self` (Python `dict.update` / `{**self, **other}`).
    public mutating func merge(_ other: ValueObject) {
        for i in other.keys.indices { self[other.keys[i]] = other.values[i] }
    }

    /// `{**self, **other}`.
    public func merging(_ other: ValueObject) -> ValueObject {
        var copy = self
        copy.merge(other)
        return copy
    }

    private mutating func rebuildIndex() {
        var map = [String: Int](minimumCapacity: keys.count)
        for (i, key) in keys.enumerated() { map[key] = i }
        index = map
    }
}

extension ValueObject: Equatable {
    /// Structural identity: same keys in the same order with identical values.
    public static func == (lhs: ValueObject, rhs: ValueObject) -> Bool {
        lhs.keys == rhs.keys && lhs.values == rhs.values
    }
}

extension ValueObject: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(values)
    }
}

extension ValueObject: Sequence {
    public struct Iterator: IteratorProtocol {
        let object: ValueObject
        var position = 0
        public mutating func next() -> (key: String, value: Value)? {
            guard position < object.keys.count else { return nil }
            defer { position += 1 }
            return (object.keys[position], object.values[position])
        }
    }

    public func makeIterator() -> Iterator { Iterator(object: self) }
    public var underestimatedCount: Int { keys.count }
}

extension ValueObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(elements)
    }
}
