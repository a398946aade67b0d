import Foundation

/// The rules' `ShapeAutomaton`s, each built the first time a window of its rule is checked, so
/// that start-up pays only for rules whose keywords occur (in most trees a few generic rules)
/// rather than for all of them. Shared by every thread; a rule's automaton is built once, under
/// the lock, and read once per rule and file.
final class ShapeCache: @unchecked Sendable {
    private let nodes: [RegexNode?]
    private var shapes: [ShapeAutomaton?]
    private var built: [Bool]
    private let lock = NSLock()

    init(_ nodes: [RegexNode?]) {
        self.nodes = nodes
        shapes = Array(repeating: nil, count: nodes.count)
        built = Array(repeating: false, count: nodes.count)
    }

    func shape(_ rule: Int) -> ShapeAutomaton? {
        lock.lock()
        defer { lock.unlock() }
        if !built[rule] {
            shapes[rule] = nodes[rule].flatMap(ShapeAutomaton.init)
            built[rule] = true
        }
        return shapes[rule]
    }
}
