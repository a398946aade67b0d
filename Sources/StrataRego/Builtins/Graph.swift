import StrataRegoAST

/// `graph.reachable`, `graph.reachable_paths`.
enum Graph {
    static let builtins: [Builtin] = [
        .binary("graph.reachable") { (g, initial) throws(BuiltinError) in
            let graph = try g.object(1)
            var seen = Set<Value>()
            var queue = try initial.elements(2, allowed: "one of {array, set}")
            while let node = queue.popLast() {
                guard graph[node] != nil, seen.insert(node).inserted else { continue }
                if let edges = graph[node] { queue += (try? edges.elements(1)) ?? [] }
            }
            return .set(seen)
        },
        .binary("graph.reachable_paths") { (g, initial) throws(BuiltinError) in
            let graph = try g.object(1)
            var paths = Set<Value>()
            for start in try initial.elements(2) { walk(graph, [start], &paths) }
            return .set(paths)
        },
    ]

    private static func walk(_ graph: [Value: Value], _ path: [Value], _ out: inout Set<Value>) {
        guard let node = path.last, let edges = graph[node] else {
            if path.count > 1 { out.insert(.array(Array(path.dropLast()))) }
            return
        }
        let next = ((try? edges.elements(1)) ?? []).filter { !path.contains($0) }
        if next.isEmpty { out.insert(.array(path)); return }
        for n in next { walk(graph, path + [n], &out) }
    }
}
