import StrataCore

/// `Cargo.lock` (v1–v4): every `[[package]]` with a `source` (registry or git). Packages without
/// a source are the workspace's own crates: not reported, but their `dependencies` mark which
/// packages are direct.
public struct CargoLockParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let document = TOMLLockReader.read(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        let packages = document.arrayTables("package")
        let local = packages.filter { $0["source"] == nil }
        let direct = Set(local.flatMap { ($0["dependencies"]?.array ?? []).compactMap(\.string).map(Self.dependencyKey) })
        for table in packages where table["source"] != nil && inventory.packages.count < limits.maxPackages {
            guard let name = table["name"]?.string, let version = table["version"]?.string else {
                inventory.warn(path, line: table.line, "[[package]] without name and version")
                continue
            }
            let isDirect = direct.contains(name) || direct.contains(name + " " + version)
            inventory.packages.append(InventoryPackage(
                name: name, version: version, ecosystem: "crates.io", purl: .cargo(name, version),
                relationship: local.isEmpty ? .unknown : (isDirect ? .direct : .indirect),
                location: TOMLLockReader.location(table, path: path)))
        }
        return inventory
    }

    /// `"name"`, `"name 1.2.3"` or `"name 1.2.3 (registry+…)"` → `name` or `name 1.2.3`.
    static func dependencyKey(_ entry: String) -> String {
        entry.split(separator: " ").prefix(2).joined(separator: " ")
    }
}
