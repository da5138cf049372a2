import Basics
import Testing

@Suite struct ValueTests {
    @Test func objectKeepsInsertionOrderAndReplacesInPlace() {
        var object: ValueObject = ["b": 1, "a": 2]
        object["c"] = 3
        object["b"] = 10
        #expect(object.keys == ["b", "a", "c"])
        #expect(object["b"] == .int(10))
        object["a"] = nil
        #expect(object.keys == ["b", "c"])
        #expect(object.values == [.int(10), .int(3)])
    }

    @Test func largeObjectsUseIndexConsistently() {
        var object = ValueObject()
        for i in 0..<40 { object["k\(i)"] = .int(i) }
        #expect(object["k33"] == .int(33))
        object.removeValue(forKey: "k5")
        #expect(object["k33"] == .int(33))
        #expect(object["k5"] == nil)
        #expect(object.count == 39)
        #expect(object.position(of: "k6") == 5)
    }

    @Test func intAndDoubleAreDistinct() {
        #expect(Value.int(1) != Value.double(1.0))
        #expect(Value.bool(true) != Value.int(1))
        #expect(Value.double(.nan) == Value.double(.nan))
        #expect(Value.double(0.0) != Value.double(-0.0))
    }

    @Test func mergeIsPythonDictUnpacking() {
        let a: ValueObject = ["unit_id": "u1", "x": 1]
        let b: ValueObject = ["x": 2, "y": 3]
        let merged = a.merging(b)
        #expect(merged.keys == ["unit_id", "x", "y"])
        #expect(merged["x"] == .int(2))
    }
}
