/// Byte-level repairs of almost-JSON that LLMs produce, applied outside string literals only.
///
/// Invariants: the content of strings is never changed (`"+1-555"` and `"a,]"` stay as written);
/// `repair` returns nil when nothing was changed, so callers can tell a repair happened.
enum JSONRepair {
    static func repair(_ input: Slice<UnsafeBufferPointer<UInt8>>, applied: inout [ResponseParser.Repair]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var inString = false
        var escaped = false
        var removedComma = false
        var removedPlus = false
        var i = input.startIndex
        while i < input.endIndex {
            let byte = input[i]
            if inString {
                out.append(byte)
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                i += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: ","):
                var j = i + 1
                while j < input.endIndex, ResponseParser.isSpace(input[j]) { j += 1 }
                if j < input.endIndex, input[j] == UInt8(ascii: "}") || input[j] == UInt8(ascii: "]") {
                    removedComma = true
                    i += 1
                    continue
                }
            case UInt8(ascii: "+"):
                let previous = out.last(where: { !ResponseParser.isSpace($0) })
                let next = i + 1 < input.endIndex ? input[i + 1] : 0
                let startsNumber = (next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")) || next == UInt8(ascii: ".")
                if startsNumber, let previous,
                   previous == UInt8(ascii: ":") || previous == UInt8(ascii: ",") || previous == UInt8(ascii: "[") {
                    removedPlus = true
                    i += 1
                    continue
                }
            default:
                break
            }
            out.append(byte)
            i += 1
        }
        if removedComma { applied.append(.removedTrailingCommas) }
        if removedPlus { applied.append(.removedPlusSigns) }
        return removedComma || removedPlus ? out : nil
    }

    /// The index of the bracket closing the one at `open` (string-aware), or nil if it is never closed.
    static func matchingClose(_ bytes: UnsafeBufferPointer<UInt8>, from open: Int, limit: Int) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        var i = open
        while i < limit {
            let byte = bytes[i]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return i }
                default: break
                }
            }
            i += 1
        }
        return nil
    }
}
