import Basics
import Foundation

extension RunStore {
    func makeDirectory(_ path: String) throws(RunStoreError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .io(path: path, operation: "create the folder", reason: error.localizedDescription)
        }
    }

    func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }

    func readJSON(_ path: String) throws(RunStoreError) -> Value {
        guard let data = FileManager.default.contents(atPath: path) else { throw .missingFile(path: path) }
        do {
            return try JSONReader.parse([UInt8](data))
        } catch {
            throw .malformed(path: path, reason: error.description)
        }
    }

    /// Copies the config, items file and folders into `config/` (reference §1.4).
    func copySnapshot(_ snapshot: RunSnapshotSource) throws(RunStoreError) {
        let files = FileManager.default
        try copy(snapshot.configFile, to: paths.configSnapshot)
        if let items = snapshot.itemsFile {
            guard files.fileExists(atPath: items) else { throw .missingFile(path: items) }
            let name = String(items.split(separator: "/").last ?? "items")
            try copy(items, to: paths.configDirectory + "/" + name)
        }
        for folder in snapshot.folders where isDirectory(folder.source) {
            guard !folder.name.split(separator: "/").contains("..") else {
                throw .io(path: folder.name, operation: "snapshot", reason: "the folder name leaves config/")
            }
            let destination = paths.configDirectory + "/" + folder.name
            try makeDirectory((destination as NSString).deletingLastPathComponent)
            try copy(folder.source, to: destination)
        }
    }

    private func copy(_ source: String, to destination: String) throws(RunStoreError) {
        do {
            try FileManager.default.copyItem(atPath: source, toPath: destination)
        } catch {
            throw .io(path: source, operation: "copy into the run snapshot", reason: error.localizedDescription)
        }
    }
}
