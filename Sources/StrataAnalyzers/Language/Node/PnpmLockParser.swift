import StrataCore
import Yams

/// `pnpm-lock.yaml`, lockfile versions 5 (`/name/1.0.0_peer`), 6 (`/name@1.0.0(peer)`) and 9
/// (`name@1.0.0` in `packages`). Direct dependencies are those the importers (`importers`, or
/// top-level `dependencies`/`devDependencies` before v6 monorepos) declare; `dev: true` (v5/v6)
/// or, in v9, being reachable through `snapshots` only from `devDependencies` marks development
/// packages.
public struct PnpmLockParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let mapping = YAMLLockReader.read(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        let declared = PnpmImporters(root: mapping)
        for (key, value) in mapping["packages"]?.mapping ?? [:] where inventory.packages.count < limits.maxPackages {
            let line = key.mark?.line
            guard let id = key.string, let (name, version) = Self.split(id) else {
                inventory.warn(path, line: line, "package key is not name@version")
                continue
            }
            let dev = value.mapping?["dev"]?.bool ?? declared.onlyDev(name, version)
            inventory.packages.append(InventoryPackage(
                name: name, version: version, ecosystem: "npm", purl: .npm(name, version),
                relationship: declared.isEmpty ? .unknown : (declared.contains(name, version) ? .direct : .indirect),
                isDevelopment: dev, location: SourceLocation(path: path, startLine: line)))
        }
        return inventory
    }

    /// `/@s/a/1.0.0_peer@1` (v5), `/@s/a@1.0.0(peer@1)` (v6), `@s/a@1.0.0` (v9) → (`@s/a`, `1.0.0`).
    static func split(_ key: String) -> (String, String)? {
        var id = Substring(key)
        if id.hasPrefix("/") { id = id.dropFirst() }
        if let paren = id.firstIndex(of: "(") { id = id[..<paren] }
        var nameStart = id.startIndex
        if id.hasPrefix("@") {
            guard let scopeEnd = id.firstIndex(of: "/") else { return nil }
            nameStart = id.index(after: scopeEnd)
        }
        let separator = id[nameStart...].firstIndex { $0 == "/" || $0 == "@" }
        guard let separator else { return nil }
        let name = id[..<separator]
        var version = id[id.index(after: separator)...]
        if id[separator] == "/" { version = version.prefix { $0 != "_" } }  // v5 peer suffix
        return name.isEmpty || version.isEmpty ? nil : (String(name), String(version))
    }

    /// Normalises an importer's resolved version (`1.0.0(react@18.0.0)`, `1.0.0_react@18`).
    static func plainVersion(_ v: String) -> String {
        String(v.prefix { $0 != "(" && $0 != "_" })
    }
}
