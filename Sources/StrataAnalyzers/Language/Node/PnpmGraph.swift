import Yams

/// The v9 dependency graph (`snapshots`: `name@version(peers)` → `dependencies`), to tell
/// packages reached only from development roots. Keys are `name@version` without peer suffixes.
struct PnpmGraph {
    private var edges: [String: [String]] = [:]

    init(snapshots: Node.Mapping?) {
        for (key, value) in snapshots ?? [:] {
            guard let id = key.string, let (name, version) = PnpmLockParser.split(id) else { continue }
            var targets: [String] = []
            for field in ["dependencies", "optionalDependencies"] {
                for (depKey, depValue) in value.mapping?[field]?.mapping ?? [:] {
                    guard let depName = depKey.string, let depVersion = depValue.string else { continue }
                    targets.append(depName + "@" + PnpmLockParser.plainVersion(depVersion))
                }
            }
            edges[name + "@" + version, default: []].append(contentsOf: targets)
        }
    }

    var isEmpty: Bool { edges.isEmpty }

    /// Every `name@version` reachable from `roots` (iterative, each node visited once).
    func reachable(from roots: Set<String>) -> Set<String> {
        var seen = roots
        var stack = Array(roots)
        while let next = stack.popLast() {
            for target in edges[next] ?? [] where seen.insert(target).inserted {
                stack.append(target)
            }
        }
        return seen
    }
}
