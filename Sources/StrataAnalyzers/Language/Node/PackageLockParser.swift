import StrataCore

/// npm `package-lock.json` (and `npm-shrinkwrap.json`). v2/v3: the `packages` map, keyed by
/// install path (`node_modules/a/node_modules/b`); a package is direct when it sits at the top
/// level (of the root or a workspace folder) and the root or a workspace declares it. v1: the nested `dependencies` tree, which
/// does not say what is direct. `dev: true` marks development-only packages; `link: true`
/// entries, v1 `file:` versions and workspace folders are the project's own code and are skipped.
public struct PackageLockParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let root = JSONNode.read(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        guard root.isObject else {
            inventory.fail(path, line: root.line, "package-lock.json is not a JSON object")
            return inventory
        }
        if let packages = root["packages"], packages.isObject {
            readPackages(packages, path: path, into: &inventory)
        } else if let dependencies = root["dependencies"] {
            readTree(dependencies, path: path, into: &inventory)
        }
        return inventory
    }

    private static let declarationKeys = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]

    private func readPackages(_ packages: JSONNode, path: String, into inventory: inout Inventory) {
        var declared: Set<String> = []
        for member in packages.members where !member.key.contains("node_modules/") {
            for key in Self.declarationKeys { declared.formUnion(member.value[key]?.members.map(\.key) ?? []) }
        }
        for member in packages.members where member.key.contains("node_modules/") {
            guard inventory.packages.count < limits.maxPackages else { return }
            let node = member.value
            if node["link"]?.bool == true { continue }
            let name = node["name"]?.string ?? Self.name(fromInstallPath: member.key)
            guard let version = node["version"]?.string, !name.isEmpty else {
                inventory.warn(path, line: member.line, "\(member.key) has no version")
                continue
            }
            // Top level: installed directly under the root or a workspace folder.
            let topLevel = member.key.hasSuffix("node_modules/" + name)
                && member.key.components(separatedBy: "node_modules/").count == 2
            inventory.packages.append(InventoryPackage(
                name: name, version: version, ecosystem: "npm", purl: .npm(name, version),
                relationship: topLevel && declared.contains(name) ? .direct : .indirect,
                isDevelopment: node["dev"]?.bool == true,
                location: SourceLocation(path: path, startLine: member.line)))
        }
    }

    /// v1: `dependencies: { name: { version, dev, dependencies: { … } } }`, walked depth-first
    /// with an explicit stack (the JSON depth limit already bounds it).
    private func readTree(_ dependencies: JSONNode, path: String, into inventory: inout Inventory) {
        var stack: [JSONNode] = [dependencies]
        var found: [(JSONNode.Member, String)] = []
        while let next = stack.popLast(), found.count < limits.maxPackages {
            for member in next.members {
                if let version = member.value["version"]?.string {
                    if !version.hasPrefix("file:") { found.append((member, version)) }  // local folder

                } else {
                    inventory.warn(path, line: member.line, "dependency \(member.key) has no version")
                }
                if let nested = member.value["dependencies"] { stack.append(nested) }
            }
        }
        for (member, version) in found.sorted(by: { $0.0.line < $1.0.line }) {
            inventory.packages.append(InventoryPackage(
                name: member.key, version: version, ecosystem: "npm", purl: .npm(member.key, version),
                isDevelopment: member.value["dev"]?.bool == true,
                location: SourceLocation(path: path, startLine: member.line)))
        }
    }

    /// `node_modules/a/node_modules/@s/b` → `@s/b`.
    static func name(fromInstallPath key: String) -> String {
        guard let range = key.range(of: "node_modules/", options: .backwards) else { return key }
        return String(key[range.upperBound...])
    }
}
