import Basics

/// The DAG of a pipeline's chunk steps (every step but `scope: run`).
///
/// Invariants: `order` is a topological order that keeps config order wherever dependencies allow;
/// `dependencies[s]` lists the steps `s` reads from, in the order given (the first is the primary input,
/// later ones are joined by unit id); a step without `depends_on` depends on the previous chunk step; the
/// graph has no cycles and no unknown names (otherwise `build` reports `graph.*` diagnostics).
public struct StepGraph: Sendable, Equatable {
    public let order: [String]
    public let dependencies: [String: [String]]

    /// The steps that read `step`'s output.
    public func dependents(of step: String) -> [String] {
        order.filter { dependencies[$0, default: []].contains(step) }
    }

    /// Steps nothing depends on (their validated output is the run's result).
    public var sinks: [String] { order.filter { dependents(of: $0).isEmpty } }

    /// Every step `step` depends on, directly or not.
    public func ancestors(of step: String) -> Set<String> {
        var seen = Set<String>()
        var stack = dependencies[step, default: []]
        while let next = stack.popLast() {
            if seen.insert(next).inserted { stack.append(contentsOf: dependencies[next, default: []]) }
        }
        return seen
    }

    public static func build(steps: [StepConfig], locator: any SourceLocator,
                             into diagnostics: inout DiagnosticCollector) -> StepGraph? {
        let chunkSteps = steps.filter { $0.scope != .run }
        let names = chunkSteps.map(\.name)
        let runNames = Set(steps.filter { $0.scope == .run }.map(\.name))
        var dependencies: [String: [String]] = [:]
        var ok = true
        for (i, step) in chunkSteps.enumerated() {
            guard let declared = step.dependsOn else {
                dependencies[step.name] = i == 0 ? [] : [chunkSteps[i - 1].name]
                continue
            }
            var deps: [String] = []
            for dep in declared {
                let at = locator.location(of: step.path.appending("depends_on"), key: false)
                if dep == step.name {
                    diagnostics.error("graph.self-dependency", "step '\(step.name)' depends on itself", at: at)
                    ok = false
                } else if runNames.contains(dep) {
                    diagnostics.error("graph.run-step-dependency",
                                      "step '\(step.name)' depends on '\(dep)', a run-scoped step that runs after all chunks",
                                      at: at)
                    ok = false
                } else if !names.contains(dep) {
                    diagnostics.error("graph.unknown-dependency", "step '\(step.name)' depends on unknown step '\(dep)'",
                                      at: at, help: EditDistance.didYouMean(dep, in: names))
                    ok = false
                } else if !deps.contains(dep) {
                    deps.append(dep)
                }
            }
            dependencies[step.name] = deps
        }
        guard ok else { return nil }
        // Kahn's algorithm, always taking the earliest ready step in config order.
        var remaining = names
        var order: [String] = []
        var done = Set<String>()
        while !remaining.isEmpty {
            guard let index = remaining.firstIndex(where: { dependencies[$0, default: []].allSatisfy(done.contains) }) else {
                let cycle = findCycle(among: remaining, dependencies: dependencies)
                let first = chunkSteps.first { $0.name == cycle.first }
                diagnostics.error("graph.cycle", "the steps depend on each other in a cycle: \(cycle.joined(separator: " -> "))",
                                  at: first.flatMap { locator.location(of: $0.path.appending("depends_on"), key: false) },
                                  help: "remove one of these depends_on entries")
                return nil
            }
            let name = remaining.remove(at: index)
            order.append(name)
            done.insert(name)
        }
        return StepGraph(order: order, dependencies: dependencies)
    }

    static func findCycle(among names: [String], dependencies: [String: [String]]) -> [String] {
        let pending = Set(names)
        for start in names {
            var path = [start]
            var current = start
            var visited = Set([start])
            while let next = dependencies[current, default: []].first(where: pending.contains) {
                if next == start { return path + [start] }
                if !visited.insert(next).inserted { break }
                path.append(next)
                current = next
            }
        }
        return names
    }
}
