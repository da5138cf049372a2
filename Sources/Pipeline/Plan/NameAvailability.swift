import Basics

/// Which names each step can read: the units' fields plus what every upstream step adds.
///
/// Invariants: a step sees the outputs of its ancestors only (not of siblings in the DAG); an upstream LLM
/// step whose answer fields are unknown (no schema properties, no required list) makes names `open` for
/// every step downstream of it, and open steps get no undefined-name errors.
struct NameAvailability {
    let unitFields: [String]
    let config: PipelineConfig
    /// Names each recorded step adds, and whether that set is complete.
    private(set) var outputs: [String: (names: [String], complete: Bool)] = [:]

    init(unitFields: [String], config: PipelineConfig) {
        self.unitFields = unitFields
        self.config = config
    }

    struct Names {
        var names: Set<String>
        var open: Bool
        func contains(_ name: String) -> Bool { open || names.contains(name) }
    }

    func available(at step: String, graph: StepGraph) -> Names {
        var names = Set(unitFields)
        var open = unitFields.isEmpty
        for ancestor in graph.ancestors(of: step) {
            guard let output = outputs[ancestor] else { continue }
            names.formUnion(output.names)
            if !output.complete { open = true }
        }
        return Names(names: names, open: open)
    }

    /// What a step's validation rules can read: its inputs plus its own answer (once recorded).
    func available(after step: String, graph: StepGraph) -> Names {
        var result = available(at: step, graph: graph)
        if let own = outputs[step] {
            result.names.formUnion(own.names)
            if !own.complete { result.open = true }
        }
        return result
    }

    /// Every name anything produces (for `processing.expressions`, evaluated before each LLM step).
    var everything: Names {
        var names = Set(unitFields)
        var open = unitFields.isEmpty
        for output in outputs.values {
            names.formUnion(output.names)
            if !output.complete { open = true }
        }
        return Names(names: names, open: open)
    }

    mutating func record(step: StepConfig, schema: Value?) {
        switch step.scope {
        case .expression:
            let names = step.initExpressions.map(\.name) + step.expressions.map(\.name) + ["_metadata"]
            outputs[step.name] = (names, true)
        case .fanOut:
            outputs[step.name] = ([step.childField ?? step.field ?? "", "_fan_index", "_fan_parent_id"], true)
        case .chunk:
            var names = ["_raw_text", "_metadata", "_warnings"] + step.mock.map(\.name)
            names += config.validation[step.name]?.required ?? []
            let properties = Self.schemaProperties(schema)
            names += properties
            let complete = !properties.isEmpty || !(config.validation[step.name]?.required.isEmpty ?? true)
            outputs[step.name] = (names, complete)
        case .run:
            break
        }
    }

    /// Top-level property names a schema declares (through `allOf` and a root `$ref` too).
    static func schemaProperties(_ schema: Value?) -> [String] {
        guard let schema, case .object(let node) = schema else { return [] }
        var names = node["properties"]?.objectValue?.keys ?? []
        names += node["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        for branch in node["allOf"]?.arrayValue ?? [] { names += schemaProperties(branch) }
        if let ref = node["$ref"]?.stringValue, ref.hasPrefix("#/$defs/"),
           let target = node["$defs"]?[String(ref.dropFirst("#/$defs/".count))] {
            names += schemaProperties(target)
        }
        return names
    }
}
