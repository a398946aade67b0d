import StrataCore

/// `poetry.lock`: every `[[package]]` name/version. Development status comes from
/// `category = "dev"` (Poetry < 1.5) or `groups` without `main` (Poetry 2). The lock does not
/// say which packages are direct (pyproject.toml does), so relationship stays unknown.
public struct PoetryLockParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let document = TOMLLockReader.read(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        for table in document.arrayTables("package") where inventory.packages.count < limits.maxPackages {
            guard let name = table["name"]?.string, let version = table["version"]?.string else {
                inventory.warn(path, line: table.line, "[[package]] without name and version")
                continue
            }
            let groups = (table["groups"]?.array ?? []).compactMap(\.string)
            let dev = table["category"]?.string == "dev" || (!groups.isEmpty && !groups.contains("main"))
            inventory.packages.append(InventoryPackage(
                name: name, version: version, ecosystem: "PyPI", purl: .pypi(name, version),
                isDevelopment: dev, location: TOMLLockReader.location(table, path: path)))
        }
        return inventory
    }
}
