import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gzip compression and decompression of whole files through the system `gzip` program (Foundation on
/// Linux has no zlib API, and `gzip` is on every Debian machine).
///
/// Invariants: an output file is written under a temporary name and renamed into place, so it is either
/// complete or absent (a failure removes the partial output); compression passes `-n`, so the same input
/// always gives the same bytes (no file name or time in the header); inputs are never modified.
public enum GzipFile {
    /// The `gzip` program, or nil when neither `/bin/gzip` nor `/usr/bin/gzip` exists.
    public static var executable: String? {
        ["/bin/gzip", "/usr/bin/gzip"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Writes the gzip of `source` to `destination` (replacing it).
    public static func compress(_ source: String, to destination: String) throws(RunStoreError) {
        try filter(["-n", "-c", "--", source], input: source, to: destination, operation: "gzip")
    }

    /// Writes the decompressed bytes of the gzip file `source` to `destination` (replacing it).
    public static func decompress(_ source: String, to destination: String) throws(RunStoreError) {
        try filter(["-d", "-c", "--", source], input: source, to: destination, operation: "gunzip")
    }

    /// Decompresses `source` to a new file in the temporary folder and returns its path (the caller removes it).
    public static func decompressToTemporaryFile(_ source: String) throws(RunStoreError) -> String {
        let name = "octobatch-gunzip-\(UUID().uuidString)"
        let destination = (NSTemporaryDirectory() as NSString).appendingPathComponent(name)
        try decompress(source, to: destination)
        return destination
    }

    /// Replaces each of `files` by `<file>.gz` (`gzip -n -f`, which removes a partial `.gz` itself), many
    /// files per process.
    public static func compressInPlace(_ files: [String]) throws(RunStoreError) {
        var start = 0
        while start < files.count {
            let batch = Array(files[start..<min(files.count, start + 200)])
            let outcome = run(["-n", "-f", "--"] + batch, output: nil)
            if let failure = outcome {
                throw .io(path: batch[0], operation: "gzip", reason: failure)
            }
            start += batch.count
        }
    }

    /// Runs `gzip arguments` with its output going to `destination` through a temporary file.
    private static func filter(_ arguments: [String], input: String, to destination: String,
                               operation: String) throws(RunStoreError) {
        let files = FileManager.default
        let temporary = destination + ".gztmp"
        try? files.removeItem(atPath: temporary)
        guard files.createFile(atPath: temporary, contents: nil), let output = FileHandle(forWritingAtPath: temporary) else {
            throw .io(path: temporary, operation: "create", reason: "cannot create the file")
        }
        let failure = run(arguments, output: output)
        try? output.close()
        if let failure {
            try? files.removeItem(atPath: temporary)
            throw .io(path: input, operation: operation, reason: failure)
        }
        guard rename(temporary, destination) == 0 else {
            let code = errno
            try? files.removeItem(atPath: temporary)
            throw .posix(destination, "rename into place", code)
        }
    }

    /// Runs gzip to its end; returns nil on success, else why it failed (its stderr, or the launch error).
    private static func run(_ arguments: [String], output: FileHandle?) -> String? {
        guard let gzip = executable else { return "no gzip program in /bin or /usr/bin" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gzip)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        if let output { process.standardOutput = output }
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return error.localizedDescription
        }
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationReason == .exit, process.terminationStatus == 0 { return nil }
        let message = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return message.isEmpty ? "gzip ended with status \(process.terminationStatus)" : message
    }
}
