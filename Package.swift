// swift-tools-version: 6.1
import PackageDescription

/// Octobatch: one executable, modules layered as in ../shared/DESIGN.md §3 (arrows point down only).
/// No third-party packages; libyaml is reached through the `CYAML` system-library target.
let settings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

/// A library module under Sources/<name>, whose README.md is documentation, not a resource.
func module(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .target(name: name, dependencies: dependencies, exclude: ["README.md"], swiftSettings: settings)
}

/// The test target of a module, under Tests/<name>Tests.
func tests(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .testTarget(name: "\(name)Tests", dependencies: dependencies + ["TestSupport"], swiftSettings: settings)
}

let package = Package(
    name: "octobatch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "octobatch", targets: ["octobatch"]),
    ],
    targets: [
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        module("Basics", []),
        module("YAML", ["Basics", "CYAML"]),
        module("Expressions", ["Basics"]),
        module("Templates", ["Expressions", "Basics"]),
        module("JSONSchemaValidation", ["Expressions", "Basics"]),
        module("Providers", ["Basics"]),
        module("Pipeline", ["YAML", "Templates", "Expressions", "JSONSchemaValidation", "Providers", "Basics"]),
        module("Runtime", ["Pipeline", "Providers", "Templates", "Expressions", "JSONSchemaValidation", "Basics"]),
        module("Commands", ["Runtime", "Pipeline", "Providers", "Basics", "YAML", "Expressions", "Templates", "JSONSchemaValidation"]),
        .executableTarget(name: "octobatch", dependencies: ["Commands"], swiftSettings: settings),
        .executableTarget(
            name: "octobatch-bench",
            dependencies: ["Basics", "YAML", "Expressions", "Templates", "JSONSchemaValidation", "Pipeline"],
            path: "Benchmarks/octobatch-bench", swiftSettings: settings),
        .target(name: "TestSupport", dependencies: ["Basics"], path: "Tests/TestSupport", swiftSettings: settings),
        tests("Basics", ["Basics"]),
        tests("YAML", ["YAML", "Basics"]),
        tests("Expressions", ["Expressions", "Basics"]),
        tests("Templates", ["Templates", "Expressions", "Basics"]),
        tests("JSONSchemaValidation", ["JSONSchemaValidation", "Expressions", "Basics"]),
        tests("Providers", ["Providers", "Basics"]),
        tests("Pipeline", ["Pipeline", "Providers", "Basics"]),
        tests("Runtime", ["Runtime", "Pipeline", "Providers", "Basics"]),
        tests("Commands", ["Commands", "Basics"]),
    ]
)
