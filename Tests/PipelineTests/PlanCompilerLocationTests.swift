import Basics
import Foundation
@testable import Pipeline
import TestSupport
import Testing

/// Locations the plan compiler computes that no broken fixture reaches through `validate` (the decoder
/// catches those mistakes first), checked directly.
@Suite struct PlanCompilerLocationTests {
    func compiler() throws -> PlanCompiler {
        let folder = TestPaths.fixture("Pipeline/valid/topics")
        let source = try PipelineSource.resolve(folder.path, currentDirectory: folder.path)
        let registry = try RegistryLoader.load(environment: [:])
        return PlanCompiler(pipeline: try PipelineLoader.load(source, registry: registry),
                            overrides: PlanOverrides(provider: "mock"), registry: registry, environment: [:])
    }

    @Test func ruleSetPathsAreLocatedInTheConfig() throws {
        let compiler = try compiler()
        let expr = compiler.ruleLocation("validation.describe.rules[0].expr", step: "describe")
        #expect(expr.map { "\($0.file):\($0.line):\($0.column)" } == "config.yaml:53:15")
        let type = compiler.ruleLocation("validation.describe.types.score", step: "describe")
        #expect(type.map { "\($0.line):\($0.column)" } == "44:14")
        #expect(compiler.ruleLocation("validation.other.rules[0]", step: "describe") == nil)
    }

    @Test func expressionOffsetsMapThroughQuotes() throws {
        let compiler = try compiler()
        let source = NamedSource(name: "doubled", source: "size * 2",
                                 path: ConfigPath([.key("pipeline"), .key("steps"), .index(0), .key("expressions"),
                                                   .key("doubled")]))
        let start = compiler.expressionLocation(source, offset: 0, length: 4)
        #expect(start.map { "\($0.line):\($0.column)" } == "8:19")
        let end = compiler.expressionLocation(source, offset: 8, length: 1)
        #expect(end.map { "\($0.line):\($0.column)" } == "8:27")
    }
}
