import Basics
import Testing
import TestSupport
@testable import YAML

/// Every scalar rule, compared with PyYAML (`Tests/Fixtures/YAML/scalars.json`, made by generate.py).
struct ScalarFixtureTests {
    static let cases = FixtureCase.load("scalars.json")
    static let documents = FixtureCase.load("documents.json")
    static let randomDocuments = FixtureCase.load("random.json")

    @Test func fixturesArePresent() {
        #expect(Self.cases.count > 200)
        #expect(Self.documents.count > 30)
        #expect(Self.randomDocuments.count == 400)
    }

    @Test(arguments: cases)
    func scalarMatchesPyYAML(_ fixture: FixtureCase) {
        check(fixture)
    }

    @Test(arguments: documents)
    func documentMatchesPyYAML(_ fixture: FixtureCase) {
        check(fixture)
    }

    @Test(arguments: randomDocuments)
    func randomDocumentMatchesPyYAML(_ fixture: FixtureCase) {
        check(fixture)
    }

    private func check(_ fixture: FixtureCase) {
        let result = YAMLLoader.loadValue(source: fixture.yaml, path: "case.yaml")
        switch result {
        case .success(let value):
            #expect(fixture.error == nil, "PyYAML fails with \(fixture.error ?? ""), we gave \(value.pythonJSON)")
            #expect(!fixture.isBigInteger, "expected an integer overflow")
            if let json = fixture.json, !fixture.isBigInteger {
                #expect(JSONWriter.python(value) == json)
            }
        case .failure(let error):
            if fixture.isBigInteger {
                #expect(error.diagnostics.map(\.id) == ["yaml.integer-overflow"])
            } else {
                #expect(fixture.error != nil, "PyYAML gives \(fixture.json ?? ""), we failed: \(error)")
                if !fixture.yaml.contains("\n") {
                    #expect(error.diagnostics.allSatisfy { $0.location?.line == 1 })
                }
            }
        }
    }
}
