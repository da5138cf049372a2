import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `Path(root).glob(pattern)` as Python's pathlib does it, for the `files` of a `gzip` post-process.
///
/// Invariants: `pattern` is relative and split on `/`; a segment is matched with `fnmatch(3)` against each
/// entry name (wildcards also match names starting with `.`, as in pathlib); `**` matches the folder itself
/// and every folder below it; `.` segments are ignored and `..` goes up; results are absolute paths,
/// each once, sorted; a folder that cannot be listed contributes nothing.
enum FileGlob {
    static func matches(_ pattern: String, under root: String) -> [String] {
        var current = [root]
        let segments = pattern.split(separator: "/").map(String.init).filter { $0 != "." }
        for (index, segment) in segments.enumerated() {
            let last = index == segments.count - 1
            var next: [String] = []
            for base in current {
                if segment == "**" {
                    next += [base] + descendantFolders(of: base)
                } else if segment == ".." {
                    next.append((base as NSString).deletingLastPathComponent)
                } else if !hasWildcard(segment) {
                    let path = base + "/" + segment
                    if last ? exists(path) : isFolder(path) { next.append(path) }
                } else {
                    for name in entries(of: base) where fnmatch(segment, name, 0) == 0 {
                        let path = base + "/" + name
                        if last || isFolder(path) { next.append(path) }
                    }
                }
            }
            current = next
        }
        return Array(Set(current)).sorted()
    }

    static func hasWildcard(_ segment: String) -> Bool { segment.contains { "*?[".contains($0) } }

    static func entries(of folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? []
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    static func isFolder(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }

    /// Every folder below `folder`, not following symbolic links.
    static func descendantFolders(of folder: String) -> [String] {
        var result: [String] = []
        var stack = [folder]
        while let next = stack.popLast() {
            for name in entries(of: next) {
                let path = next + "/" + name
                let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                if attributes?[.type] as? FileAttributeType == .typeDirectory {
                    result.append(path)
                    stack.append(path)
                }
            }
        }
        return result
    }
}
