import Foundation

/// A script named in the config, found on disk, and how to start it: `python3 <script>` for a `.py` file
/// (through `/usr/bin/env`, so the `python3` on PATH is used), otherwise the file itself.
///
/// Invariant: `path` exists; it is the first candidate found among an absolute `script`, or `script` joined
/// with each folder in order.
struct ScriptCommand: Equatable {
    let path: String

    /// Finds `script` (absolute, or relative to one of `folders`); nil when no candidate exists.
    static func locate(_ script: String, in folders: [String]) -> ScriptCommand? {
        let candidates = script.hasPrefix("/") ? [script]
            : folders.map { ($0 as NSString).appendingPathComponent(script) }
        var isDirectory: ObjCBool = false
        for candidate in candidates {
            let path = (candidate as NSString).standardizingPath
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return ScriptCommand(path: path)
            }
        }
        return nil
    }

    var isPython: Bool { path.hasSuffix(".py") }

    /// A process running the script with `arguments` after it.
    func process(arguments: [String], timeout: Duration) -> ScriptProcess {
        if isPython {
            return ScriptProcess(executable: "/usr/bin/env", arguments: ["python3", path] + arguments, timeout: timeout)
        }
        return ScriptProcess(executable: path, arguments: arguments, timeout: timeout)
    }

    /// The message for a script that was not found.
    static func notFound(_ script: String, in folders: [String]) -> String {
        script.hasPrefix("/") ? "Script not found: \(script)"
            : "Script not found: \(script) (looked in \(folders.joined(separator: ", ")))"
    }
}
