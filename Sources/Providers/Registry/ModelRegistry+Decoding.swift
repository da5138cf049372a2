import Basics

/// A problem in a registry document, with the key path it concerns (`providers.openai.models.gpt-4o.input`).
public struct RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}

extension ModelRegistry {
    /// Decodes the registry from its YAML document's value (`registry/models.yaml`), reporting every problem.
    public init(document: Value) throws(RegistryError) {
        guard case .object(let root) = document, case .object(let providers)? = root["providers"] else {
            throw RegistryError(path: "providers", message: "the registry needs a 'providers' mapping")
        }
        var result: [Provider] = []
        for (name, value) in providers {
            let path = "providers.\(name)"
            guard case .object(let entry) = value else {
                throw RegistryError(path: path, message: "expected a mapping")
            }
            let keyVariable = entry["env_var"]?.stringValue
            guard let defaultModel = entry["default_model"]?.stringValue else {
                throw RegistryError(path: path + ".default_model", message: "missing")
            }
            let discount = entry["batch_discount"]?.numberValue ?? 0.5
            guard discount > 0, discount <= 1 else {
                throw RegistryError(path: path + ".batch_discount", message: "must be in (0, 1]")
            }
            guard case .object(let modelMap)? = entry["models"] else {
                throw RegistryError(path: path + ".models", message: "expected a mapping of models")
            }
            var models: [Model] = []
            for (modelName, modelValue) in modelMap {
                let modelPath = "\(path).models.\(modelName)"
                guard case .object(let m) = modelValue else {
                    throw RegistryError(path: modelPath, message: "expected a mapping")
                }
                guard let input = m["input"]?.numberValue, input >= 0,
                      let output = m["output"]?.numberValue, output >= 0 else {
                    throw RegistryError(path: modelPath, message: "needs non-negative 'input' and 'output' prices")
                }
                models.append(Model(name: modelName, displayName: m["display_name"]?.stringValue ?? modelName,
                                    inputPerMillion: input, outputPerMillion: output,
                                    supportsBatch: m["batch"]?.boolValue ?? true))
            }
            guard models.contains(where: { $0.name == defaultModel }) else {
                throw RegistryError(path: path + ".default_model", message: "'\(defaultModel)' is not among its models")
            }
            result.append(Provider(name: name, keyVariable: keyVariable, defaultModel: defaultModel,
                                   batchDiscount: discount, models: models))
        }
        self.init(providers: result)
    }
}
