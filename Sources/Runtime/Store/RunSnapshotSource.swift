import Pipeline

/// The files copied into a new run's `config/` folder (reference §1.4): the config as
/// `config/config.yaml`, the items file as `config/<its name>`, and whole folders (templates, schemas)
/// as `config/<name>`.
///
/// Invariants: sources are paths on disk (absolute, or relative to the working directory); destination
/// names are relative to `config/` and contain no `..`; a listed folder or items file that does not exist
/// is skipped for folders (the Python tool copies them only "if they exist") and an error for items.
public struct RunSnapshotSource: Sendable, Equatable {
    public var configFile: String
    public var itemsFile: String?
    /// (source folder, destination name under `config/`).
    public var folders: [(source: String, name: String)]

    public init(configFile: String, itemsFile: String? = nil, folders: [(source: String, name: String)] = []) {
        self.configFile = configFile
        self.itemsFile = itemsFile
        self.folders = folders
    }

    /// The snapshot of a loaded pipeline: its config, items source, template and schema folders.
    public init(pipeline: PipelineConfig) {
        let base = pipeline.configDirectory
        func resolve(_ path: String) -> String { path.hasPrefix("/") ? path : base + "/" + path }
        var folders: [(source: String, name: String)] = []
        for name in [pipeline.prompts.templateDirectory, pipeline.schemas.schemaDirectory] where !name.isEmpty {
            if !folders.contains(where: { $0.name == name }) { folders.append((resolve(name), name)) }
        }
        self.init(configFile: pipeline.configFile, itemsFile: pipeline.processing.itemsSource.map(resolve), folders: folders)
    }

    public static func == (a: RunSnapshotSource, b: RunSnapshotSource) -> Bool {
        a.configFile == b.configFile && a.itemsFile == b.itemsFile
            && a.folders.elementsEqual(b.folders) { $0.source == $1.source && $0.name == $1.name }
    }
}
