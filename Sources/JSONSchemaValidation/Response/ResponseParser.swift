import Basics

/// Extracts the JSON object or array from an LLM answer (reference §1.13, with defect K13 fixed).
///
/// Order of attempts, first success wins: the trimmed text itself; the content of fenced blocks
/// (```` ```json ```` blocks first, then any other language tag, which is dropped); the first balanced
/// `{…}`/`[…]` inside a fenced block or inside the whole text (string-aware, so braces in strings do not
/// count). Each attempt is parsed as is and, only if that fails, again after the repairs, which act
/// *outside* strings only: trailing commas before `}`/`]` are removed and a `+` sign before a number
/// (`: +5`, `[+5`, `, +5`) is dropped. Invariants: never traps; a successful result is an object or an
/// array; `repairs` lists what had to be done, for logging.
public enum ResponseParser {
    /// What was done to the text to get JSON out of it.
    public enum Repair: Sendable, Hashable {
        case fencedBlock(language: String)
        case extractedFromProse
        case removedTrailingCommas
        case removedPlusSigns
    }

    /// The JSON taken from an answer (an object or an array) and the repairs that were needed.
    public struct Parsed: Sendable {
        public var value: Value
        public var repairs: [Repair]
    }

    /// Why no JSON could be taken from the answer. `message` is meant for the failure record.
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
    }

    static let maxProseAttempts = 16

    public static func parse(_ text: String) -> Result<Parsed, Failure> {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// Bytes of the answer text (UTF-8) in place, without copying them.
    typealias Bytes = UnsafeBufferPointer<UInt8>

    static func parse(bytes: Bytes) -> Result<Parsed, Failure> {
        var lower = 0
        var upper = bytes.count
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        if lower == upper { return .failure(Failure(message: "Empty LLM response")) }
        var firstError: JSONError?
        var repairs: [Repair] = []

        if bytes[lower] == UInt8(ascii: "{") || bytes[lower] == UInt8(ascii: "[") {
            if let value = attempt(bytes[lower..<upper], &repairs, &firstError) {
                return result(value, repairs)
            }
        }
        for block in FencedBlocks.find(in: bytes, lower..<upper) {
            repairs = [.fencedBlock(language: block.language)]
            if let value = attempt(trimmed(bytes, block.content), &repairs, &firstError) {
                return result(value, repairs)
            }
            repairs.append(.extractedFromProse)
            if let value = firstBalanced(bytes, block.content, &repairs, &firstError) {
                return result(value, repairs)
            }
        }
        repairs = [.extractedFromProse]
        if let value = firstBalanced(bytes, lower..<upper, &repairs, &firstError) {
            return result(value, repairs)
        }
        if let firstError {
            return .failure(Failure(message: "LLM response is not valid JSON: \(firstError.description)"))
        }
        return .failure(Failure(message: "LLM response contains no JSON object or array"))
    }

    private static func result(_ value: Value, _ repairs: [Repair]) -> Result<Parsed, Failure> {
        switch value {
        case .object, .array: return .success(Parsed(value: value, repairs: repairs))
        default: return .failure(Failure(message: "LLM response is not a JSON object or array"))
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x0B
    }

    static func trimmed(_ bytes: Bytes, _ range: Range<Int>) -> Slice<Bytes> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return bytes[lower..<upper]
    }

    /// Parses `slice`, then its repaired form; records the first syntax error seen.
    static func attempt(_ slice: Slice<Bytes>, _ repairs: inout [Repair], _ firstError: inout JSONError?) -> Value? {
        if slice.isEmpty { return nil }
        do {
            return try JSONReader.parse(bytes: Bytes(rebasing: slice))
        } catch {
            if firstError == nil { firstError = error }
        }
        var applied: [Repair] = []
        guard let repaired = JSONRepair.repair(slice, applied: &applied) else { return nil }
        do {
            let value = try JSONReader.parse(repaired)
            repairs.append(contentsOf: applied)
            return value
        } catch {
            return nil
        }
    }

    /// The first balanced `{…}` or `[…]` in `range` that parses (after repairs if needed).
    static func firstBalanced(_ bytes: Bytes, _ range: Range<Int>, _ repairs: inout [Repair],
                              _ firstError: inout JSONError?) -> Value? {
        var start = range.lowerBound
        var attempts = 0
        while attempts < maxProseAttempts,
              let open = bytes[start..<range.upperBound].firstIndex(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }) {
            attempts += 1
            if let end = JSONRepair.matchingClose(bytes, from: open, limit: range.upperBound),
               let value = attempt(bytes[open...end], &repairs, &firstError) {
                return value
            }
            start = open + 1
        }
        return nil
    }
}
