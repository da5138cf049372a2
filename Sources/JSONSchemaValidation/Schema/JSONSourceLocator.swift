/// Finds the line and column of a JSON Pointer inside JSON text, for located schema diagnostics.
///
/// Invariants: only used on the cold path (when there is something to report); the text is assumed to
/// be valid JSON (it was parsed before); an object member is located at its key, an array element or the
/// root at the value's first character. Lines and columns are 1-based, columns count Unicode scalars.
struct JSONSourceLocator {
    private let scalars: [Unicode.Scalar]
    private var offset = 0
    private var line = 1
    private var column = 1
    private let target: String

    static func position(of pointer: String, in text: String) -> (line: Int, column: Int)? {
        var locator = JSONSourceLocator(scalars: Array(text.unicodeScalars), target: pointer)
        locator.skipWhitespace()
        if pointer.isEmpty { return (locator.line, locator.column) }
        return locator.value(at: "")
    }

    private init(scalars: [Unicode.Scalar], target: String) {
        self.scalars = scalars
        self.target = target
    }

    private var current: Unicode.Scalar? { offset < scalars.count ? scalars[offset] : nil }

    private mutating func advance() {
        guard let c = current else { return }
        offset += 1
        if c == "\n" { line += 1; column = 1 } else { column += 1 }
    }

    private mutating func skipWhitespace() {
        while let c = current, c == " " || c == "\n" || c == "\t" || c == "\r" { advance() }
    }

    /// Walks the value starting here; returns the target's position if it lies inside.
    private mutating func value(at pointer: String) -> (line: Int, column: Int)? {
        skipWhitespace()
        guard let c = current else { return nil }
        switch c {
        case "{":
            advance()
            while true {
                skipWhitespace()
                guard let next = current, next != "}" else { advance(); return nil }
                if next == "," { advance(); continue }
                let keyLine = line, keyColumn = column
                let key = string()
                let childPointer = pointer + "/" + JSONPointer.escape(key)
                if childPointer == target { return (keyLine, keyColumn) }
                skipWhitespace()
                if current == ":" { advance() }
                if target.hasPrefix(childPointer + "/"), let found = value(at: childPointer) { return found }
                if !target.hasPrefix(childPointer + "/") { _ = value(at: childPointer) }
            }
        case "[":
            advance()
            var index = 0
            while true {
                skipWhitespace()
                guard let next = current, next != "]" else { advance(); return nil }
                if next == "," { advance(); index += 1; continue }
                let childPointer = pointer + "/\(index)"
                if childPointer == target { return (line, column) }
                if let found = value(at: childPointer) { return found }
            }
        case "\"":
            _ = string()
            return nil
        default:
            while let d = current, !(d == "," || d == "}" || d == "]" || d == " " || d == "\n" || d == "\t" || d == "\r") {
                advance()
            }
            return nil
        }
    }

    /// Reads a string literal (decoding the common escapes) and returns its content.
    private mutating func string() -> String {
        var out = String.UnicodeScalarView()
        advance()
        while let c = current, c != "\"" {
            if c == "\\" {
                advance()
                guard let e = current else { break }
                switch e {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "u":
                    var hex = ""
                    for _ in 0..<4 { advance(); if let h = current { hex.unicodeScalars.append(h) } }
                    if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) { out.append(scalar) }
                default: out.append(e)
                }
                advance()
                continue
            }
            out.append(c)
            advance()
        }
        advance()
        return String(out)
    }
}
