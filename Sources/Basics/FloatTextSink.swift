/// Receives the text of one `Double` (Swift's shortest round-trip form, at most 24 ASCII bytes) into reserved
/// buffer memory.
///
/// Invariants: `target[0..<count]` holds what was written; at most `capacity` bytes are ever written.
struct FloatTextSink: TextOutputStream {
    static let capacity = 32

    let target: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    init(target: UnsafeMutablePointer<UInt8>) {
        self.target = target
    }

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress else { return }
        let n = Swift.min(buffer.count, Self.capacity - count)
        (target + count).update(from: source, count: n)
        count += n
    }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { _writeASCII($0) }
    }
}
