import Basics
import Foundation
import YAML

/// Where a pipeline lives: its folder and its config file, resolved from what the user typed.
///
/// Invariants: `configFile` exists and is a file; `directory` is its folder; `displayPath` is how diagnostics
/// name the config (relative to the working directory when it is inside it).
public struct PipelineSource: Sendable, Equatable {
    public var directory: String
    public var configFile: String
    public var displayPath: String

    /// Accepts a pipeline folder (containing config.yaml) or a config file path.
    public static func resolve(_ argument: String, currentDirectory: String) throws(DiagnosticsError) -> PipelineSource {
        let absolute = argument.hasPrefix("/") ? argument : (currentDirectory as NSString).appendingPathComponent(argument)
        let standardized = (absolute as NSString).standardizingPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: standardized, isDirectory: &isDirectory) else {
            throw DiagnosticsError([.error("pipeline.not-found", "no pipeline at '\(argument)'",
                                           help: "give a pipeline folder (with config.yaml) or a config file")])
        }
        var configFile = standardized
        if isDirectory.boolValue {
            configFile = (standardized as NSString).appendingPathComponent("config.yaml")
            guard FileManager.default.fileExists(atPath: configFile) else {
                throw DiagnosticsError([.error("pipeline.no-config", "'\(argument)' has no config.yaml")])
            }
        }
        let directory = (configFile as NSString).deletingLastPathComponent
        return PipelineSource(directory: directory, configFile: configFile,
                              displayPath: Self.display(configFile, relativeTo: currentDirectory))
    }

    /// `path` relative to `base` when it is inside it.
    public static func display(_ path: String, relativeTo base: String) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The display form of a file inside the pipeline folder.
    public func display(_ relativePath: String) -> String {
        let folder = (displayPath as NSString).deletingLastPathComponent
        return folder.isEmpty ? relativePath : (folder as NSString).appendingPathComponent(relativePath)
    }

    /// The absolute path of a file inside the pipeline folder.
    public func absolute(_ relativePath: String) -> String {
        relativePath.hasPrefix("/") ? relativePath : (directory as NSString).appendingPathComponent(relativePath)
    }
}
