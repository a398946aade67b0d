import StrataRegoAST

/// Objects and sets iterated more than once in a query (a rule per check over the same `input.graph[k]`)
/// are sorted once: OPA's iteration order is sorted, and re-sorting a large object for every iteration was
/// a fifth of the time of rule-heavy policies. Keyed by the collection's storage, which the cache retains,
/// so an address never names two different collections while it is cached.
final class SortedEntries {
    private var objects: [UnsafeRawPointer: (owner: [Value: Value], pairs: [(Value, Value)])] = [:]
    private var sets: [UnsafeRawPointer: (owner: Set<Value>, members: [Value])] = [:]
    /// Collections smaller than this are cheaper to sort than to look up.
    private let threshold = 16
    private let capacity = 4_096

    func entries(_ v: Value) -> [(Value, Value)] {
        switch v {
        case .object(let dict) where dict.count >= threshold:
            let key = unsafeBitCast(dict, to: UnsafeRawPointer.self)
            if let hit = objects[key] { return hit.pairs }
            let pairs = Evaluator.entries(v)
            if objects.count >= capacity { objects.removeAll(keepingCapacity: true) }
            objects[key] = (dict, pairs)
            return pairs
        case .set(let members) where members.count >= threshold:
            let key = unsafeBitCast(members, to: UnsafeRawPointer.self)
            if let hit = sets[key] { return hit.members.map { ($0, $0) } }
            let sorted = members.sorted()
            if sets.count >= capacity { sets.removeAll(keepingCapacity: true) }
            sets[key] = (members, sorted)
            return sorted.map { ($0, $0) }
        default:
            return Evaluator.entries(v)
        }
    }
}
