/// Numbers: short integers inline, everything else by Python's grammar (floats by Eisel-Lemire or strtod).
extension JSONParser {

    @inline(__always)
    mutating func parseNumber() throws(JSONError) -> Value {
        // Fast path: an integer of at most 18 digits (cannot overflow) followed by a delimiter.
        var p = position
        let negative = base[p] == UInt8(ascii: "-")
        if negative { p &+= 1 }
        if p < count, base[p] != UInt8(ascii: "0") {
            let digitsStart = p
            var magnitude = 0
            while p < count {
                let digit = base[p] &- UInt8(ascii: "0")
                if digit > 9 { break }
                magnitude = magnitude &* 10 &+ Int(digit)
                p &+= 1
            }
            let digits = p - digitsStart
            if digits > 0, digits <= 18,
               p == count || !(base[p] == UInt8(ascii: ".") || base[p] | 0x20 == UInt8(ascii: "e")) {
                position = p
                return .int(negative ? -magnitude : magnitude)
            }
        }
        return try parseGeneralNumber()
    }

    @inline(never)
    mutating func parseGeneralNumber() throws(JSONError) -> Value {
        let start = position
        var negative = false
        if base[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        guard position < count, isDigit(base[position]) else { throw error("Expecting value", at: start) }
        var mantissa: UInt64 = 0
        var overflow = false
        if base[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < count, isDigit(base[position]) {
                let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(UInt64(base[position] - UInt8(ascii: "0")))
                if o1 || o2 { overflow = true }
                mantissa = m2
                position += 1
            }
        }
        var isFloat = false
        var fractionDigits = 0
        if position < count, base[position] == UInt8(ascii: ".") {
            guard position + 1 < count, isDigit(base[position + 1]) else {
                // Python: "1." is Extra data after the int 1.
                return try integer(negative: negative, mantissa: mantissa, overflow: overflow, start: start)
            }
            isFloat = true
            position += 1
            while position < count, isDigit(base[position]) {
                let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(UInt64(base[position] - UInt8(ascii: "0")))
                if o1 || o2 { overflow = true }
                mantissa = m2
                fractionDigits += 1
                position += 1
            }
        }
        var exponent = 0
        if position < count, base[position] == UInt8(ascii: "e") || base[position] == UInt8(ascii: "E") {
            var look = position + 1
            var expNegative = false
            if look < count, base[look] == UInt8(ascii: "+") || base[look] == UInt8(ascii: "-") {
                expNegative = base[look] == UInt8(ascii: "-")
                look += 1
            }
            if look < count, isDigit(base[look]) {
                isFloat = true
                position = look
                while position < count, isDigit(base[position]) {
                    if exponent < 100_000 { exponent = exponent * 10 + Int(base[position] - UInt8(ascii: "0")) }
                    position += 1
                }
                if expNegative { exponent = -exponent }
            }
        }
        if !isFloat {
            return try integer(negative: negative, mantissa: mantissa, overflow: overflow, start: start)
        }
        // Clinger's fast path: exact when the digits fit in 53 bits and the power of ten is exact.
        let scale = exponent - fractionDigits
        if !overflow, mantissa < (1 << 53), scale >= -22, scale <= 22 {
            var value = Double(mantissa)
            if scale < 0 { value /= Self.powerOfTen(-scale) } else { value *= Self.powerOfTen(scale) }
            return .double(negative ? -value : value)
        }
        if !overflow, let value = EiselLemire.double(mantissa: mantissa, exponent: scale) {
            return .double(negative ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: position - start), as: UTF8.self)
        guard let value = Double(text) else { throw error("Invalid number", at: start) }
        return .double(value)
    }

    func integer(negative: Bool, mantissa: UInt64, overflow: Bool, start: Int) throws(JSONError) -> Value {
        if overflow || mantissa > UInt64(Int.max) + (negative ? 1 : 0) {
            throw error("Integer out of the 64-bit range", at: start)
        }
        if negative {
            return .int(mantissa == UInt64(Int.max) + 1 ? Int.min : -Int(mantissa))
        }
        return .int(Int(mantissa))
    }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// 10^exponent for 0...22, exactly (every such power is a double).
    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: return 1e0
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        case 18: return 1e18
        case 19: return 1e19
        case 20: return 1e20
        case 21: return 1e21
        default: return 1e22
        }
    }
}
