import StrataCore

/// NuGet `packages.lock.json`: `dependencies` → target framework → package → `{ type, resolved }`.
/// `type` says it outright: `Direct` (and `CentralTransitive` pinned centrally) → direct,
/// `Transitive` → indirect; `Project` entries are the solution's own projects and are skipped.
/// A package locked for several frameworks at one version is reported once, at its first line.
public struct NuGetPackagesLockParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let root = JSONNode.read(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        guard root.isObject, let frameworks = root["dependencies"], frameworks.isObject else {
            inventory.fail(path, line: root.line, "packages.lock.json has no dependencies object")
            return inventory
        }
        var seen: [String: Int] = [:]
        for framework in frameworks.members {
            for member in framework.value.members where inventory.packages.count < limits.maxPackages {
                add(member, path: path, seen: &seen, into: &inventory)
            }
        }
        return inventory
    }

    private func add(_ member: JSONNode.Member, path: String, seen: inout [String: Int], into inventory: inout Inventory) {
        let type = member.value["type"]?.string ?? ""
        if type == "Project" { return }
        guard let version = member.value["resolved"]?.string, !version.isEmpty else {
            inventory.warn(path, line: member.line, "\(member.key) has no resolved version")
            return
        }
        let direct = type == "Direct" || type == "CentralTransitive"
        let key = member.key.lowercased() + "@" + version
        if let index = seen[key] {
            if direct { inventory.packages[index].relationship = .direct }
            return
        }
        seen[key] = inventory.packages.count
        inventory.packages.append(InventoryPackage(
            name: member.key, version: version, ecosystem: "NuGet",
            purl: PURL(type: "nuget", name: member.key, version: version),
            relationship: direct ? .direct : .indirect,
            location: SourceLocation(path: path, startLine: member.line)))
    }
}
