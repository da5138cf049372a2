import Basics

/// The `loop` variable of a `{% for %}`: position, length, neighbours, `cycle` and `changed`.
///
/// Invariant: `items` are the items actually iterated (after the loop's `if` filter), so `length`,
/// `revindex` and `last` count only those, as in Jinja2.
final class LoopContext {
    let items: [Value]
    var index0 = 0
    let depth0: Int
    var lastChanged: [Value]? = nil
    /// Set for `{% for … recursive %}`: what `loop(items)` runs again.
    let recursion: RecursiveLoop?

    init(items: [Value], depth0: Int, recursion: RecursiveLoop? = nil) {
        self.items = items
        self.depth0 = depth0
        self.recursion = recursion
    }

    func attribute(_ name: String, at location: SourceLocation?) -> RuntimeValue {
        let length = items.count
        switch name {
        case "index": return .value(.int(index0 + 1))
        case "index0": return .value(.int(index0))
        case "revindex": return .value(.int(length - index0))
        case "revindex0": return .value(.int(length - index0 - 1))
        case "first": return .value(.bool(index0 == 0))
        case "last": return .value(.bool(index0 == length - 1))
        case "length": return .value(.int(length))
        case "depth": return .value(.int(depth0 + 1))
        case "depth0": return .value(.int(depth0))
        case "previtem":
            if index0 > 0 { return .value(items[index0 - 1]) }
            return .undefined(Undefined(message: "there is no previous item", location: location))
        case "nextitem":
            if index0 + 1 < length { return .value(items[index0 + 1]) }
            return .undefined(Undefined(message: "there is no next item", location: location))
        case "cycle": return .callable(.loopCycle(self))
        case "changed": return .callable(.loopChanged(self))
        default:
            return .undefined(Undefined(
                message: Undefined.memberMessage(of: "jinja2.runtime.LoopContext object", .string(name)),
                location: location))
        }
    }
}

/// The loop node and scope a recursive `loop(items)` call re-runs.
final class RecursiveLoop {
    let loop: ForLoop
    let scope: Scope

    init(loop: ForLoop, scope: Scope) {
        self.loop = loop
        self.scope = scope
    }
}
