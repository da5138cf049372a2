/// Building objects whose keys are known to be distinct, without a lookup per key.
extension ValueObject {
    /// An object with `keys[i]` mapped to `values[i]`, in order. The caller guarantees that the keys are
    /// distinct and the arrays equally long (checked in debug builds): code that builds records from a known
    /// layout (a unit plus an expression step's new names) pays no per-key search.
    public init(uniqueKeys keys: [String], values: [Value]) {
        assert(keys.count == values.count, "one value per key")
        assert(Set(keys).count == keys.count, "keys must be distinct")
        self.init(distinctKeys: keys, values: values)
    }
}
