internal import CYAML
import Basics

/// Turns libyaml's error state (reader, scanner or parser error) into a located `yaml.syntax` diagnostic.
///
/// Invariant: the location is libyaml's problem mark (1-based); reader errors, which only carry a byte
/// offset, are located by counting lines and Unicode scalars up to that offset.
enum LibYAMLErrorReport {
    static func diagnostic(
        _ parser: UnsafeMutablePointer<yaml_parser_t>, source: UnsafeBufferPointer<UInt8>, file: String
    ) -> Diagnostic {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown error"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return .error("yaml.syntax", "libyaml ran out of memory while parsing", at: SourceLocation(file: file, line: 1, column: 1))
        case YAML_READER_ERROR:
            var message = "cannot read the YAML source: \(problem)"
            if state.problem_value >= 0 {
                message += " (byte 0x\(String(UInt8(truncatingIfNeeded: state.problem_value), radix: 16, uppercase: true)))"
            }
            let location = locationOfByteOffset(Int(state.problem_offset), in: source, file: file)
            return .error("yaml.syntax", message, at: location, help: "the file must be UTF-8 text without control characters")
        default:
            let location = SourceLocation(
                file: file, line: Int(state.problem_mark.line) + 1, column: Int(state.problem_mark.column) + 1)
            var notes: [Diagnostic.Note] = []
            if let context = state.context.map({ String(cString: $0) }) {
                let contextLocation = SourceLocation(
                    file: file, line: Int(state.context_mark.line) + 1, column: Int(state.context_mark.column) + 1)
                notes.append(.init("\(context), which started here", at: contextLocation))
            }
            let context = state.context.map { String(cString: $0) }
            return .error(
                "yaml.syntax", "YAML syntax error: \(problem)", at: location, notes: notes,
                help: help(for: problem, context: context))
        }
    }

    /// A hint for the mistakes people make most often.
    static func help(for problem: String, context: String?) -> String? {
        if problem == "found unexpected end of stream", let context, context.contains("quoted scalar") {
            return "a quoted value is not closed; add the missing quote"
        }
        switch problem {
        case "did not find expected ',' or ']'", "did not find expected ',' or '}'":
            return "a '[' or '{' is not closed where the note says it starts; quote values that contain ',', '[' or '{'"
        case "found character that cannot start any token":
            return "YAML indentation must use spaces, not tabs; values starting with '@', '`' or '%' must be quoted"
        case "mapping values are not allowed in this context":
            return "quote a value that contains ': ', or check the indentation"
        case "could not find expected ':'":
            return "every key needs a ':' after it; check quotes and indentation on this and the previous line"
        case "did not find expected key", "did not find expected '-' indicator":
            return "check the indentation of this line against the lines above"
        case "found undefined tag handle":
            return "only the '!!' tag handle is predefined"
        default:
            return nil
        }
    }

    /// Line and column (in Unicode scalars) of a byte offset.
    static func locationOfByteOffset(_ offset: Int, in source: UnsafeBufferPointer<UInt8>, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        for byte in source.prefix(max(0, offset)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
