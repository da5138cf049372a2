import Basics
import Foundation
import TestSupport

/// One row of a generated fixture table: a YAML source and what PyYAML made of it.
///
/// Invariant: exactly one of `json` (the `json.dumps(yaml.safe_load(yaml))` text) and `error` (the Python
/// exception name) is set.
struct FixtureCase: Decodable, Sendable, CustomTestStringConvertible {
    var yaml: String
    var json: String?
    var error: String?

    var testDescription: String { "\(yaml.debugDescription)" }

    static func load(_ name: String) -> [FixtureCase] {
        let url = TestPaths.fixture("YAML/\(name)")
        guard let data = try? Data(contentsOf: url),
              let cases = try? JSONDecoder().decode([FixtureCase].self, from: data)
        else { return [] }
        return cases
    }

    /// True when Python gave an integer that does not fit in 64 bits (we must report an overflow).
    var isBigInteger: Bool {
        guard let json, json.allSatisfy({ $0.isNumber || $0 == "-" }) else { return false }
        return Int(json) == nil
    }
}

import Testing
