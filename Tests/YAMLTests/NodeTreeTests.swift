import Basics
import Testing
import YAML

/// The located node tree: ranges, styles, tags, aliases and the lookup helpers used by the pipeline loader.
struct NodeTreeTests {
    private func document(_ source: String) throws -> YAMLDocument {
        try YAMLLoader.document(source: source, path: "p.yaml")
    }

    @Test func scalarStylesAndRanges() throws {
        let doc = try document("""
            plain: word
            single: 'it''s'
            double: "a\\tb"
            literal: |
              line one
              line two
            folded: >
              one
              two
            tagged: !!str 12
            """)
        let cases: [(String, YAMLScalarStyle, String, YAMLSourceRange)] = [
            ("plain", .plain, "word", range(1, 8, 1, 12)),
            ("single", .singleQuoted, "it's", range(2, 9, 2, 16)),
            ("double", .doubleQuoted, "a\tb", range(3, 9, 3, 15)),
            ("literal", .literal, "line one\nline two\n", range(4, 10, 7, 1)),
            ("folded", .folded, "one two\n", range(7, 9, 10, 1)),
            ("tagged", .plain, "12", range(10, 9, 10, 17)),
        ]
        for (key, style, text, expected) in cases {
            let node = try #require(doc.root[key], "\(key)")
            #expect(node.scalar?.style == style, "\(key)")
            #expect(node.scalar?.text == text, "\(key)")
            #expect(node.range == expected, "\(key)")
        }
        #expect(doc.root["tagged"]?.tag == "tag:yaml.org,2002:str")
        #expect(doc.root["plain"]?.tag == nil)
    }

    @Test func unicodeColumnsCountScalars() throws {
        let doc = try document("名前: 値\nemoji: \"😀x\"\n")
        let entry = try #require(doc.lookup("名前", in: doc.root))
        #expect(entry.keyLocation == SourceLocation(file: "p.yaml", line: 1, column: 1, length: 2))
        #expect(entry.valueLocation == SourceLocation(file: "p.yaml", line: 1, column: 5, length: 1))
        #expect(doc.root["emoji"]?.range == range(2, 8, 2, 12))
    }

    @Test func collectionRanges() throws {
        let doc = try document("list:\n  - 1\n  - [a, b]\nmap: {x: 1}\n")
        #expect(doc.root.range == range(1, 1, 4, 12))
        #expect(doc.root["list"]?.range == range(2, 3, 3, 11))
        #expect(doc.root["list"]?[1]?.range == range(3, 5, 3, 11))
        #expect(doc.root["map"]?.range == range(4, 6, 4, 12))
        #expect(doc.root["list"]?.sequence?.count == 2)
        #expect(doc.root.mapping?.map { $0.key.scalar?.text } == ["list", "map"])
    }

    @Test func aliasNodesKeepTheirOwnRange() throws {
        let doc = try document("base: &b {x: 1}\ncopy: *b\n")
        let copy = try #require(doc.root["copy"])
        #expect(copy.alias == "b")
        #expect(copy.anchor == "b")
        #expect(copy.range == range(2, 7, 2, 9))
        #expect(copy["x"]?.scalar?.text == "1")
        #expect(doc.root["base"]?.anchor == "b")
        #expect(doc.root["base"]?.alias == nil)
    }

    @Test func lookupFollowsMergeKeys() throws {
        let doc = try document("""
            defaults: &d
              model: gpt
              temperature: 0.5
            step:
              <<: *d
              temperature: 0.9
              name: s
            """)
        let step = try #require(doc.root["step"])
        #expect(step["model"]?.scalar?.text == "gpt")
        // A merged value is located where it is written: in the anchored mapping.
        #expect(step["model"]?.range.start == YAMLPosition(line: 2, column: 10))
        let temperature = try #require(doc.lookup("temperature", in: step))
        #expect(temperature.keyLocation.line == 6)
        #expect(temperature.entry.value.scalar?.text == "0.9")
        #expect(step.effectiveEntries?.map { $0.key.keyString } == ["model", "temperature", "name"])
        #expect(doc.value == [
            "defaults": ["model": "gpt", "temperature": 0.5],
            "step": ["model": "gpt", "temperature": 0.9, "name": "s"],
        ])
        #expect(step["missing"] == nil)
        #expect(doc.root["step"]?.mapping?.first?.key.isMergeKey == true)
    }

    @Test func keyStringsMatchJSONKeys() throws {
        let doc = try document("1: a\n2.5: b\nno: c\n~: d\n'x': e\n")
        #expect(doc.root.mapping?.map { $0.key.keyString } == ["1", "2.5", "false", "null", "x"])
        #expect(doc.root["false"]?.scalar?.text == "c")
        #expect(doc.value.pythonJSON == #"{"1": "a", "2.5": "b", "false": "c", "null": "d", "x": "e"}"#)
    }

    @Test func pathLookup() throws {
        let doc = try document("pipeline:\n  steps:\n    - name: a\n    - name: b\n")
        #expect(doc.node(at: ["pipeline", "steps", 1, "name"])?.scalar?.text == "b")
        #expect(doc.node(at: ["pipeline", "steps", 2]) == nil)
        #expect(doc.node(at: ["pipeline", "nope"]) == nil)
    }

    @Test(arguments: ["", "# just a comment\n", "---\n", "\n\n"])
    func emptyDocumentIsNull(_ source: String) throws {
        let doc = try document(source)
        #expect(doc.value == .null)
        #expect(doc.root.scalar?.text == "")
        #expect(doc.source == source)
    }

    private func range(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> YAMLSourceRange {
        YAMLSourceRange(start: YAMLPosition(line: l1, column: c1), end: YAMLPosition(line: l2, column: c2))
    }
}

/// Property: for every random fixture document, walking the node tree with `effectiveEntries` visits the
/// same keys, in the same order, as the converted `Value` (so locations can be found for every value).
struct NodeTreeMatchesValueTests {
    @Test(arguments: ScalarFixtureTests.randomDocuments.filter { $0.json != nil })
    func effectiveEntriesFollowValueOrder(_ fixture: FixtureCase) throws {
        guard case .success(let document) = YAMLLoader.loadDocument(source: fixture.yaml, path: "r.yaml") else {
            return  // documents we refuse on purpose (duplicate keys) are covered elsewhere
        }
        check(document.root, document.value)
    }

    private func check(_ node: YAMLNode, _ value: Value) {
        switch (node.content, value) {
        case (.mapping, .object(let object)):
            let entries = node.effectiveEntries ?? []
            #expect(entries.map { $0.key.keyString ?? "?" } == object.keys, "\(node.range)")
            for (entry, child) in zip(entries, object.values) { check(entry.value, child) }
        case (.sequence(let items), .array(let array)):
            #expect(items.count == array.count)
            for (item, child) in zip(items, array) { check(item, child) }
        case (.scalar, _):
            break
        default:
            Issue.record("node \(node.kindName) at \(node.range) does not match \(value.pythonJSON)")
        }
    }
}
