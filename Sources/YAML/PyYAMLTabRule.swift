/// PyYAML's pure-Python scanner (what `yaml.safe_load` uses) accepts a tab only inside quoted scalars,
/// block scalars (`|`, `>`) and comments; anywhere else ("key:\tvalue", "a\tb" in a plain value, "[a,\tb]")
/// it fails with "found character '\t' that cannot start any token". libyaml accepts many of those, so we
/// look for such tabs ourselves and report what PyYAML would, keeping files loadable by both tools.
///
/// Invariant: positions are counted like libyaml's marks (1-based; `\r\n`, `\r` and `\n` end a line;
/// columns count Unicode scalars), so they compare with node ranges.
enum PyYAMLTabRule {
    /// The first tab outside `exempt` (the ranges of quoted and block scalars, in document order) and
    /// outside comments; nil when there is none.
    static func firstForbiddenTab(in source: UnsafeBufferPointer<UInt8>, exempt: [YAMLSourceRange]) -> YAMLPosition? {
        var line = 1
        var column = 1
        var inComment = false
        var previousIsBlank = true
        var next = 0  // first exempt range that may still contain or follow the current position
        var index = 0
        let count = source.count
        while index < count {
            let byte = source[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r"), index + 1 < count, source[index + 1] == UInt8(ascii: "\n") { index += 1 }
                line += 1
                column = 1
                inComment = false
                previousIsBlank = true
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "#") {
                let here = YAMLPosition(line: line, column: column)
                while next < exempt.count, exempt[next].end <= here { next += 1 }
                let isExempt = next < exempt.count && exempt[next].start <= here
                if !isExempt, !inComment {
                    if byte == UInt8(ascii: "\t") { return here }
                    if previousIsBlank { inComment = true }
                }
            }
            previousIsBlank = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
            if byte & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return nil
    }
}
