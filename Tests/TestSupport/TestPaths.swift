import Foundation

/// Where tests find data: the repository's own fixtures and the read-only `../shared` reference data.
///
/// Invariant: paths are absolute and derived from this file's location, so tests work from any working
/// directory. `shared` is nil when `../shared` is absent; tests that need it are skipped, never failed.
public enum TestPaths {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }()

    /// `Tests/Fixtures`.
    public static let fixtures: URL = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// `../shared` beside the package root, if present.
    public static let shared: URL? = {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return url
        }
        return nil
    }()

    /// True when `../shared` exists; use with `.enabled(if: TestPaths.hasShared)`.
    public static var hasShared: Bool { shared != nil }

    /// A file under `../shared`, or nil when shared data is absent.
    public static func shared(_ relativePath: String) -> URL? {
        shared?.appendingPathComponent(relativePath)
    }

    /// A fixture file's URL.
    public static func fixture(_ relativePath: String) -> URL {
        fixtures.appendingPathComponent(relativePath)
    }

    /// The UTF-8 text of a file.
    public static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }
}
