/// One level of template variables: the root of a render, a `for` body, a macro call, a `with` block, an
/// included template. Lookups walk outwards; assignments always land in the innermost scope.
///
/// Invariant: a scope never holds the render context itself (unit fields are looked up last, after all
/// scopes), so rendering never copies the context.
final class Scope {
    var variables: [String: RuntimeValue]
    let parent: Scope?

    init(parent: Scope?, variables: [String: RuntimeValue] = [:]) {
        self.parent = parent
        self.variables = variables
    }

    func lookup(_ name: String) -> RuntimeValue? {
        var scope: Scope? = self
        while let current = scope {
            if !current.variables.isEmpty, let value = current.variables[name] { return value }
            scope = current.parent
        }
        return nil
    }
}
