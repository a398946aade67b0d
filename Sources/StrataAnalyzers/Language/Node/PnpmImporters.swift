import Yams

/// What the importers of a pnpm lock declare: `name@version` for prod and dev dependencies.
struct PnpmImporters {
    private(set) var prod: Set<String> = []
    private(set) var dev: Set<String> = []
    /// Packages reached from development roots and not from production ones (v9 graph).
    private(set) var devOnly: Set<String> = []

    init(root: Node.Mapping) {
        var importers: [Node.Mapping] = [root]
        for (_, value) in root["importers"]?.mapping ?? [:] {
            if let m = value.mapping { importers.append(m) }
        }
        for importer in importers {
            prod.formUnion(Self.declared(importer["dependencies"]))
            prod.formUnion(Self.declared(importer["optionalDependencies"]))
            dev.formUnion(Self.declared(importer["devDependencies"]))
        }
        let graph = PnpmGraph(snapshots: root["snapshots"]?.mapping)
        if !graph.isEmpty { devOnly = graph.reachable(from: dev).subtracting(graph.reachable(from: prod)) }
    }

    var isEmpty: Bool { prod.isEmpty && dev.isEmpty }

    func contains(_ name: String, _ version: String) -> Bool {
        prod.contains(name + "@" + version) || dev.contains(name + "@" + version)
    }

    func onlyDev(_ name: String, _ version: String) -> Bool {
        let id = name + "@" + version
        return devOnly.contains(id) || (dev.contains(id) && !prod.contains(id))
    }

    /// `name: 1.0.0` (v5) or `name: { specifier: ^1, version: 1.0.0(peer) }` (v6+).
    private static func declared(_ node: Node?) -> [String] {
        (node?.mapping ?? [:]).compactMap { key, value in
            guard let name = key.string,
                  let version = value.string ?? value.mapping?["version"]?.string else { return nil }
            return name + "@" + PnpmLockParser.plainVersion(version)
        }
    }
}
