import Foundation
import Testing
import Basics
import TestSupport
@testable import JSONSchemaValidation

/// The official JSON Schema Test Suite, draft 2020-12 (required files only), read from ../shared.
@Suite(.enabled(if: TestPaths.hasShared))
struct OfficialSuiteTests {
    static let suiteRoot = TestPaths.shared("testdata/json-schema-test-suite")

    static let files: [String] = {
        guard let root = suiteRoot?.appendingPathComponent("tests/draft2020-12"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    /// Cases we deliberately do not pass, as "file: group description / test description" (see README).
    static let knownExceptions: Set<String> = []

    /// remotes/ served from memory under http://localhost:1234/.
    static let registry: SchemaRegistry = {
        var registry = SchemaRegistry()
        guard let remotes = suiteRoot?.appendingPathComponent("remotes"),
              let enumerator = FileManager.default.enumerator(atPath: remotes.path) else { return registry }
        for case let relative as String in enumerator where relative.hasSuffix(".json") {
            let url = remotes.appendingPathComponent(relative)
            if let text = try? TestPaths.text(url), let value = try? JSONReader.parse(text) {
                registry.register(value, at: "http://localhost:1234/" + relative)
            }
        }
        return registry
    }()

    @Test(arguments: files)
    func suiteFile(_ name: String) throws {
        let url = try #require(Self.suiteRoot?.appendingPathComponent("tests/draft2020-12/" + name))
        let groups = try #require(try JSONReader.parse(TestPaths.text(url)).arrayValue)
        var failures: [String] = []
        var passed = 0
        for group in groups {
            let groupName = group["description"]?.stringValue ?? "?"
            let schemaValue = try #require(group["schema"])
            let schema: JSONSchema
            do {
                schema = try JSONSchema.compile(schemaValue, registry: Self.registry)
            } catch {
                failures.append("\(name): \(groupName): schema did not compile: \(error)")
                continue
            }
            for test in group["tests"]?.arrayValue ?? [] {
                let description = test["description"]?.stringValue ?? "?"
                let id = "\(name): \(groupName) / \(description)"
                let expected = test["valid"]?.boolValue ?? false
                let data = test["data"] ?? .null
                let errors = schema.validate(data)
                let fast = schema.isValid(data)
                if (errors.isEmpty != expected || fast != expected) && !Self.knownExceptions.contains(id) {
                    failures.append("\(id): expected \(expected), got \(errors.isEmpty)/\(fast) \(errors.first?.description ?? "")")
                } else {
                    passed += 1
                }
            }
        }
        #expect(failures == [], "\(failures.count) failing, \(passed) passing")
    }
}
