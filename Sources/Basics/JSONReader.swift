/// Parses JSON text into `Value`.
///
/// Accepts RFC 8259 plus what Python's `json.loads` accepts: `NaN`, `Infinity` and `-Infinity`, and a
/// repeated key (the last value wins, at the first key's position). Rejects what Python rejects: control
/// characters inside strings, trailing commas, leading zeros, trailing garbage. Integers beyond 64 bits are an
/// error rather than a rounded value. Lone surrogate escapes become U+FFFD (Swift strings cannot hold them).
/// Nesting is limited to `maxDepth` so hostile input cannot overflow the stack.
public struct JSONReader: Sendable {
    public static let maxDepth = 512

    public static func parse(_ text: String) throws(JSONError) -> Value {
        var text = text
        let result: Result<Value, JSONError> = text.withUTF8 { buffer in
            do throws(JSONError) { return .success(try parse(bytes: buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public static func parse(_ bytes: [UInt8]) throws(JSONError) -> Value {
        let result: Result<Value, JSONError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONError) { return .success(try parse(bytes: buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public static func parse(bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) -> Value {
        var parser = JSONParser()
        return try parser.parseDocument(bytes)
    }
}
