import Foundation
import Testing
import Basics
import TestSupport
@testable import JSONSchemaValidation

/// Our `int()`/`float()` against expectations generated with CPython
/// (Tests/Fixtures/JSONSchemaValidation/generators/python_number_parsing.py).
@Suite struct PythonNumberParsingTests {
    @Test func matchesCPython() throws {
        let rows = try #require(try JSONReader.parse(TestPaths.text(TestPaths.fixture("JSONSchemaValidation/python-number-parsing.json"))).arrayValue)
        #expect(rows.count > 30)
        for row in rows {
            let input = try #require(row["input"]?.stringValue)
            let expectedInt = row["int"]?.intValue
            let expectedFloat = row["float"]?.numberValue
            #expect(PythonNumberParsing.int(input) == expectedInt, "int(\(input.debugDescription))")
            #expect(PythonNumberParsing.float(input) == expectedFloat, "float(\(input.debugDescription))")
        }
    }
}
