import StrataCore

/// `uv.lock`: `[[package]]` entries. The project and its workspace members (`source = { editable
/// = … }` or `{ virtual = … }`) are not reported; their `dependencies` are direct, and names only
/// in their `[package.dev-dependencies]` are direct development dependencies. Local `directory`
/// and `path` sources are the tree's own code and are not reported either.
public struct UVLockParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let document = TOMLLockReader.read(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        let packages = document.arrayTables("package")
        let devTables = document.subtables(of: "package", "dev-dependencies")
        var direct: Set<String> = [], devDirect: Set<String> = []
        for (index, table) in packages.enumerated() where Self.isProject(table) {
            direct.formUnion(Self.names(table["dependencies"]))
            devDirect.formUnion(devTables[index]?.values.values.flatMap(Self.names) ?? [])
        }
        let hasProject = packages.contains(where: Self.isProject)
        for table in packages where !Self.isProject(table) && !Self.isLocal(table) && inventory.packages.count < limits.maxPackages {
            guard let name = table["name"]?.string, let version = table["version"]?.string else {
                inventory.warn(path, line: table.line, "[[package]] without name and version")
                continue
            }
            let isDirect = direct.contains(name) || devDirect.contains(name)
            inventory.packages.append(InventoryPackage(
                name: name, version: version, ecosystem: "PyPI", purl: .pypi(name, version),
                relationship: hasProject ? (isDirect ? .direct : .indirect) : .unknown,
                isDevelopment: devDirect.contains(name) && !direct.contains(name),
                location: TOMLLockReader.location(table, path: path)))
        }
        return inventory
    }

    static func isProject(_ table: TOMLTable) -> Bool {
        guard let source = table["source"]?.table else { return false }
        return source["editable"] != nil || source["virtual"] != nil
    }

    static func isLocal(_ table: TOMLTable) -> Bool {
        guard let source = table["source"]?.table else { return false }
        return source["directory"] != nil || source["path"] != nil
    }

    /// `[{ name = "x" }, …]` → names.
    static func names(_ value: TOMLValue?) -> [String] {
        (value?.array ?? []).compactMap { $0.table?["name"]?.string }
    }
}
