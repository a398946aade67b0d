import StrataCore

/// `composer.lock` (JSON): `packages` and `packages-dev` arrays of `{ "name", "version" }`.
/// Versions are kept as written (often `v5.4.0`). Which packages are direct is in
/// composer.json, not the lock.
public struct ComposerLockParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let root = JSONNode.read(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        guard root.isObject else {
            inventory.fail(path, line: root.line, "composer.lock is not a JSON object")
            return inventory
        }
        for (section, dev) in [("packages", false), ("packages-dev", true)] {
            for node in root[section]?.elements ?? [] where inventory.packages.count < limits.maxPackages {
                guard let name = node["name"]?.string, let version = node["version"]?.string else {
                    inventory.warn(path, line: node.line, "\(section) entry without name and version")
                    continue
                }
                let line = node.members.first { $0.key == "name" }?.line ?? node.line
                inventory.packages.append(InventoryPackage(
                    name: name, version: version, ecosystem: "Packagist", purl: .composer(name, version),
                    isDevelopment: dev, location: SourceLocation(path: path, startLine: line)))
            }
        }
        return inventory
    }
}
