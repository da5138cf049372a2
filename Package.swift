// swift-tools-version: 6.1
import PackageDescription

/// Octobatch: one executable, modules layered as in ../shared/DESIGN.md §3.
/// No third-party packages; libyaml is reached through the `CYAML` system-library target.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let package = Package(
    name: "octobatch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "octobatch", targets: ["octobatch"]),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "Basics", swiftSettings: strict),
        .target(name: "YAML", dependencies: ["Basics", "CYAML"], swiftSettings: strict),
        .target(name: "Expressions", dependencies: ["Basics"], swiftSettings: strict),
        .target(name: "Templates", dependencies: ["Expressions", "Basics"], swiftSettings: strict),
        .target(name: "JSONSchemaValidation", dependencies: ["Expressions", "Basics"], swiftSettings: strict),
        .target(name: "Commands", dependencies: ["Basics", "YAML", "Expressions", "Templates", "JSONSchemaValidation"], swiftSettings: strict),
        .executableTarget(name: "octobatch", dependencies: ["Commands"], swiftSettings: strict),
        .executableTarget(name: "octobatch-bench", dependencies: ["Basics", "YAML", "Expressions", "Templates", "JSONSchemaValidation"], path: "Benchmarks/octobatch-bench", swiftSettings: strict),
        .target(name: "TestSupport", dependencies: ["Basics"], path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "BasicsTests", dependencies: ["Basics", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "Basics", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "ExpressionsTests", dependencies: ["Expressions", "Basics", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", "Expressions", "Basics", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "JSONSchemaValidationTests", dependencies: ["JSONSchemaValidation", "Basics", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "CommandsTests", dependencies: ["Commands", "Basics", "TestSupport"], swiftSettings: strict),
    ]
)
