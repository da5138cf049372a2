internal import CYAML
import Basics

/// Builds the located node tree from libyaml's event stream.
///
/// Invariants: reads exactly one document (a second one is `yaml.multiple-documents`); every anchor is
/// defined once (`yaml.duplicate-anchor`) before it is used (`yaml.undefined-alias`), and never inside
/// itself (`yaml.recursive-alias`); the explicit keys of every mapping are unique in Python's dict sense
/// (`yaml.duplicate-key`). After an error the builder keeps going where it can, with a null placeholder.
struct YAMLTreeBuilder {
    /// The tree (nil when parsing had to stop) and everything found on the way.
    struct Output {
        var root: YAMLNode?
        var diagnostics: [Diagnostic]
    }

    /// A sequence or mapping whose end event has not arrived yet.
    private struct Frame {
        var isMapping: Bool
        var isFlow: Bool
        var start: YAMLPosition
        var tag: String?
        var anchor: String?
        var anchorID: Int
        /// Elements of a sequence.
        var children: [YAMLNode]
        /// Entries of a mapping.
        var entries: [YAMLMappingEntry]
        /// A mapping's key still waiting for its value.
        var pendingKey: YAMLNode?

        /// Appends an element, a key, or a value to its pending key.
        mutating func add(_ node: YAMLNode) {
            guard isMapping else {
                children.append(node)
                return
            }
            if let key = pendingKey.take() {
                entries.append(YAMLMappingEntry(key: key, value: node))
            } else {
                pendingKey = node
            }
        }

        var lastEnd: YAMLPosition? { isMapping ? entries.last?.value.range.end : children.last?.range.end }
    }

    private struct AnchorDefinition {
        var id: Int
        var location: SourceLocation
        /// nil while the anchored node is still being built.
        var node: YAMLNode?
    }

    private let file: String
    private let options: YAMLLoadOptions
    private var diagnostics: [Diagnostic] = []
    private var stack: [Frame] = []
    private var anchors: [String: AnchorDefinition] = [:]
    private var root: YAMLNode?
    private var firstDocumentStart: YAMLPosition?
    private var nextAnchorID = 0
    /// Ranges of quoted and block scalars, collected only when the source contains a tab.
    private var tabExemptRanges: [YAMLSourceRange]?

    private init(file: String, options: YAMLLoadOptions) {
        self.file = file
        self.options = options
    }

    /// Parses `source` (UTF-8). `root` is nil only after a syntax or structural error that stopped parsing;
    /// an empty stream gives an empty plain scalar (null).
    static func build(_ source: UnsafeBufferPointer<UInt8>, file: String, options: YAMLLoadOptions) -> Output {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            return Output(root: nil, diagnostics: [.error("yaml.syntax", "libyaml could not be initialised")])
        }
        defer { yaml_parser_delete(parser) }
        // libyaml wants a non-null pointer even for empty input.
        let empty: [UInt8] = [0]
        return empty.withUnsafeBufferPointer { emptyBuffer in
            let base = source.count > 0 ? source.baseAddress : emptyBuffer.baseAddress
            guard let base else {
                return Output(root: nil, diagnostics: [.error("yaml.syntax", "no input")])
            }
            yaml_parser_set_input_string(parser, base, source.count)
            var builder = YAMLTreeBuilder(file: file, options: options)
            if source.contains(UInt8(ascii: "\t")) { builder.tabExemptRanges = [] }
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(parser, &event) != 0 else {
                    builder.diagnostics.append(LibYAMLErrorReport.diagnostic(parser, source: source, file: file))
                    return Output(root: nil, diagnostics: builder.diagnostics)
                }
                let proceed = builder.handle(event)
                yaml_event_delete(&event)
                if !proceed { break }
            }
            if let exempt = builder.tabExemptRanges,
               let tab = PyYAMLTabRule.firstForbiddenTab(in: source, exempt: exempt)
            {
                builder.diagnostics.append(.error(
                    "yaml.syntax", "YAML syntax error: a tab character here cannot be read by PyYAML",
                    at: builder.location(tab),
                    help: "use spaces; tabs are only allowed inside quoted values, block scalars (| and >) and comments"))
            }
            if builder.root == nil, !builder.diagnostics.contains(where: { $0.severity == .error }) {
                let origin = YAMLSourceRange(at: YAMLPosition(line: 1, column: 1))
                builder.root = YAMLNode(content: .scalar(YAMLScalar(text: "", style: .plain)), range: origin)
            }
            return Output(root: builder.root, diagnostics: builder.diagnostics)
        }
    }

    /// Handles one event; false when parsing must stop.
    private mutating func handle(_ event: yaml_event_t) -> Bool {
        let start = position(event.start_mark)
        let end = position(event.end_mark)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return false
        case YAML_DOCUMENT_START_EVENT:
            if let first = firstDocumentStart {
                diagnostics.append(.error(
                    "yaml.multiple-documents", "a second YAML document starts here; only one document is allowed",
                    at: location(start, length: 3),
                    notes: [.init("the first document starts here", at: location(first))],
                    help: "remove the '---' line, or split the documents into separate files"))
                root = nil
                return false
            }
            firstDocumentStart = start
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor) ?? ""
            complete(aliasNode(name, range: YAMLSourceRange(start: start, end: end)))
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = scalar.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: Int(scalar.length)), as: UTF8.self)
            } ?? ""
            var node = YAMLNode(
                content: .scalar(YAMLScalar(text: text, style: style(scalar.style))),
                tag: string(scalar.tag), anchor: string(scalar.anchor), range: YAMLSourceRange(start: start, end: end))
            if let anchor = node.anchor {
                node.anchorID = defineAnchor(anchor, at: start)
                anchors[anchor]?.node = node
            }
            if scalar.style != YAML_PLAIN_SCALAR_STYLE { tabExemptRanges?.append(node.range) }
            if scalar.style == YAML_PLAIN_SCALAR_STYLE, stack.last?.isFlow == true {
                checkFlowPlainScalar(text, range: node.range)
            }
            complete(node)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            guard stack.count < options.nestingLimit else {
                diagnostics.append(.error(
                    "yaml.nesting-limit", "sequences and mappings are nested more than \(options.nestingLimit) levels deep",
                    at: location(start)))
                root = nil
                return false
            }
            let anchor = string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
            let tag = string(isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag)
            let isFlow = isMapping
                ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
            let anchorID = anchor.map { defineAnchor($0, at: start) } ?? -1
            stack.append(Frame(
                isMapping: isMapping, isFlow: isFlow, start: start, tag: tag, anchor: anchor, anchorID: anchorID,
                children: [], entries: [], pendingKey: nil))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return false }
            let last = frame.isFlow ? end : (frame.lastEnd ?? end)
            let range = YAMLSourceRange(start: frame.start, end: last)
            var node: YAMLNode
            if frame.isMapping {
                checkDuplicateKeys(frame.entries)
                node = YAMLNode(content: .mapping(frame.entries), tag: frame.tag, anchor: frame.anchor, range: range)
            } else {
                node = YAMLNode(content: .sequence(frame.children), tag: frame.tag, anchor: frame.anchor, range: range)
            }
            node.anchorID = frame.anchorID
            if let anchor = frame.anchor { anchors[anchor]?.node = node }
            complete(node)
        default:
            break
        }
        return true
    }

    private mutating func complete(_ node: YAMLNode) {
        if stack.isEmpty {
            if root == nil { root = node }
        } else {
            stack[stack.count - 1].add(node)
        }
    }

    /// Registers an anchor (reporting a redefinition) and returns its identity.
    private mutating func defineAnchor(_ name: String, at start: YAMLPosition) -> Int {
        let here = location(start, length: name.unicodeScalars.count + 1)
        if let previous = anchors[name] {
            diagnostics.append(.error(
                "yaml.duplicate-anchor", "anchor '&\(name)' is defined twice", at: here,
                notes: [.init("first defined here", at: previous.location)],
                help: "give each anchor a unique name"))
        }
        let id = nextAnchorID
        nextAnchorID += 1
        anchors[name] = AnchorDefinition(id: id, location: here, node: nil)
        return id
    }

    private mutating func aliasNode(_ name: String, range: YAMLSourceRange) -> YAMLNode {
        let here = range.location(in: file)
        guard let definition = anchors[name] else {
            diagnostics.append(.error("yaml.undefined-alias", "alias '*\(name)' refers to no anchor defined before it", at: here))
            return placeholder(range)
        }
        guard var node = definition.node else {
            diagnostics.append(.error(
                "yaml.recursive-alias", "alias '*\(name)' is used inside the node it refers to", at: here,
                notes: [.init("the anchor is defined here", at: definition.location)],
                help: "a recursive structure cannot be converted to JSON-like values"))
            return placeholder(range)
        }
        node.alias = name
        node.range = range
        return node
    }

    private func placeholder(_ range: YAMLSourceRange) -> YAMLNode {
        YAMLNode(content: .scalar(YAMLScalar(text: "", style: .plain)), range: range)
    }

    /// PyYAML's scanner ends a plain scalar at `?` inside a flow collection and then fails ("expected ','
    /// or ']', but got '?'"); libyaml reads on. Report what PyYAML would, so files stay loadable by both.
    private mutating func checkFlowPlainScalar(_ text: String, range: YAMLSourceRange) {
        guard let offset = text.unicodeScalars.firstIndex(of: "?") else { return }
        var at = range.start
        if range.start.line == range.end.line {
            at.column += text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: offset)
        }
        diagnostics.append(.error(
            "yaml.syntax", "YAML syntax error: '?' inside a plain value in a flow collection ([…] or {…})",
            at: location(at),
            help: "PyYAML cannot read an unquoted '?' here; quote the value, e.g. \"http://host/path?x=1\""))
    }

    /// `yaml.duplicate-key` for explicit keys that Python would treat as the same dict key.
    private mutating func checkDuplicateKeys(_ entries: [YAMLMappingEntry]) {
        guard entries.count > 1 else { return }
        // Small mappings (the usual case) are scanned linearly; large ones use a dictionary.
        let useDictionary = entries.count > 12
        var seen: [PythonKey: Int] = [:]
        var keys: [PythonKey?] = []
        if useDictionary { seen.reserveCapacity(entries.count) } else { keys.reserveCapacity(entries.count) }
        for (index, entry) in entries.enumerated() {
            let key = Self.pythonKey(of: entry.key)
            if !useDictionary { keys.append(key) }
            guard let key else { continue }
            let earlier = useDictionary ? seen[key] : keys[..<index].firstIndex(of: key)
            if let first = earlier {
                let firstKey = entries[first].key
                diagnostics.append(.error(
                    "yaml.duplicate-key", "duplicate key '\(Self.displayText(entry.key))' in this mapping",
                    at: entry.key.range.location(in: file),
                    notes: [.init("first defined here", at: firstKey.range.location(in: file))],
                    help: "PyYAML would silently keep only the last value; remove or rename one of them"))
            } else if useDictionary {
                seen[key] = index
            }
        }
    }

    /// The dict key a scalar key node stands for; nil for merge keys, non-scalars and unresolvable keys.
    static func pythonKey(of node: YAMLNode) -> PythonKey? {
        guard case .scalar(let scalar) = node.content else { return nil }
        switch ScalarResolution.resolve(scalar, explicitTag: node.tag) {
        case .value(let value): return PythonKey(value)
        case .valueKey: return .string("=")
        case .merge, .failure: return nil
        }
    }

    private static func displayText(_ node: YAMLNode) -> String {
        node.scalar?.text ?? node.kindName
    }

    // MARK: - libyaml helpers

    private func position(_ mark: yaml_mark_t) -> YAMLPosition {
        YAMLPosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private func location(_ position: YAMLPosition, length: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: position.line, column: position.column, length: length)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
