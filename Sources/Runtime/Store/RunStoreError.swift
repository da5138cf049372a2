/// Why a run directory could not be created, opened, read or written.
///
/// Invariant: every case names the path concerned, so the message is actionable on its own.
public enum RunStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case directoryNotEmpty(path: String)
    case notARunDirectory(path: String)
    case missingFile(path: String)
    case io(path: String, operation: String, reason: String)
    case malformed(path: String, reason: String)

    public var description: String {
        switch self {
        case .directoryNotEmpty(let path):
            return "run directory '\(path)' already exists and is not empty (choose a new --run-dir, or resume it)"
        case .notARunDirectory(let path):
            return "'\(path)' is not a run directory (no MANIFEST.json)"
        case .missingFile(let path):
            return "missing file '\(path)'"
        case .io(let path, let operation, let reason):
            return "cannot \(operation) '\(path)': \(reason)"
        case .malformed(let path, let reason):
            return "'\(path)' is malformed: \(reason)"
        }
    }

    static func posix(_ path: String, _ operation: String, _ code: Int32) -> RunStoreError {
        .io(path: path, operation: operation, reason: String(cString: strerror(code)))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
