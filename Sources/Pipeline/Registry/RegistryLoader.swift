import Basics
import Foundation
import Providers
import YAML

/// Loads the model registry: the copy embedded in the binary, or a file named by `OCTOBATCH_REGISTRY`.
///
/// Invariant: a broken registry is a diagnostic naming the file and key, never a crash or an empty registry.
public enum RegistryLoader {
    public static let environmentVariable = "OCTOBATCH_REGISTRY"

    public static func load(environment: [String: String]) throws(DiagnosticsError) -> ModelRegistry {
        let document: Value
        let name: String
        if let path = environment[environmentVariable], !path.isEmpty {
            name = path
            document = try YAMLLoader.value(contentsOf: URL(fileURLWithPath: path), displayPath: path)
        } else {
            name = "registry/models.yaml (built in)"
            document = try YAMLLoader.value(source: EmbeddedRegistry.yaml, path: name)
        }
        do {
            return try ModelRegistry(document: document)
        } catch {
            throw DiagnosticsError([.error("registry.invalid", "\(name): \(error.path): \(error.message)")])
        }
    }
}
