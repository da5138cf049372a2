import Basics
import Foundation
import Testing
import TestSupport
@testable import Expressions

/// Blackjack's expression steps against Tests/Fixtures/Expressions/blackjack.json (generate_blackjack.py,
/// CPython 3.11): same output records byte for byte.
@Suite struct BlackjackTests {
    @Test func stepsMatchCPython() throws {
        let text = try String(contentsOf: TestPaths.fixture("Expressions/blackjack.json"), encoding: .utf8)
        let fixture = try JSONReader.parse(text)
        let stepDefinitions = try #require(fixture["steps"]?.objectValue)
        var steps: [String: ExpressionStep] = [:]
        for (name, list) in stepDefinitions {
            let pairs = (list.arrayValue ?? []).compactMap { pair -> (String, String)? in
                guard let items = pair.arrayValue, items.count == 2, let n = items[0].stringValue,
                      let source = items[1].stringValue else { return nil }
                return (n, source)
            }
            steps[name] = try ExpressionStep(stepName: name, expressions: pairs)
        }
        let cases = try #require(fixture["cases"]?.arrayValue)
        #expect(cases.count == 22)
        for c in cases {
            let step = try #require(steps[c["step"]?.stringValue ?? ""])
            let output = try step.run(unit: try #require(c["unit"]?.objectValue))
            #expect(JSONWriter.python(.object(output)) == c["output"]?.stringValue)
        }
    }

    @Test func dealUsesSetRejectionSampling() throws {
        // n = 312 > setsize (21 + 4**ceil(log(42, 4)) = 85), so sample() takes the set-rejection branch.
        let r = PythonRandom(seed: 1_523_599_025)
        let indices = try r.sampleIndices(populationCount: 312, k: 14)
        #expect(Set(indices).count == 14)
    }
}
