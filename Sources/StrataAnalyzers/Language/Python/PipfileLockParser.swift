import StrataCore

/// `Pipfile.lock` (JSON): `default` and `develop` maps of name → `{ "version": "==1.2.3" }`.
/// Entries without a `==` version (VCS, paths) are listed unpinned. Which packages are direct
/// is in the Pipfile, not the lock.
public struct PipfileLockParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let root = JSONNode.read(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        guard root.isObject else {
            inventory.fail(path, line: root.line, "Pipfile.lock is not a JSON object")
            return inventory
        }
        for (section, dev) in [("default", false), ("develop", true)] {
            for member in root[section]?.members ?? [] where inventory.packages.count < limits.maxPackages {
                let raw = member.value["version"]?.string
                let version = raw.flatMap { $0.hasPrefix("==") ? String($0.dropFirst(2)).trimmed : nil }
                inventory.packages.append(InventoryPackage(
                    name: member.key, version: version, ecosystem: "PyPI", purl: .pypi(member.key, version),
                    isDevelopment: dev, constraint: version == nil ? raw : nil,
                    location: SourceLocation(path: path, startLine: member.line)))
            }
        }
        return inventory
    }
}
