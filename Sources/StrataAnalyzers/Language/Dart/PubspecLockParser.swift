import StrataCore
import Yams

/// Dart/Flutter `pubspec.lock`: `packages` → name → `{ dependency, source, version }`.
/// `dependency` says `direct main`, `direct dev`, `direct overridden` or `transitive`. SDK
/// packages (`source: sdk`) and local `path` packages are not from pub.dev and are skipped.
public struct PubspecLockParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let mapping = YAMLLockReader.read(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        for (key, value) in mapping["packages"]?.mapping ?? [:] where inventory.packages.count < limits.maxPackages {
            let line = key.mark?.line
            guard let name = key.string, let entry = value.mapping else {
                inventory.warn(path, line: line, "package entry is not a mapping")
                continue
            }
            let source = entry["source"]?.string ?? ""
            if source == "sdk" || source == "path" { continue }
            guard let version = entry["version"]?.string, !version.isEmpty else {
                inventory.warn(path, line: line, "package \(name) has no version")
                continue
            }
            let dependency = entry["dependency"]?.string ?? ""
            inventory.packages.append(InventoryPackage(
                name: name, version: version, ecosystem: "Pub", purl: PURL(type: "pub", name: name, version: version),
                relationship: dependency.hasPrefix("direct") ? .direct : (dependency == "transitive" ? .indirect : .unknown),
                isDevelopment: dependency == "direct dev", location: SourceLocation(path: path, startLine: line)))
        }
        return inventory
    }
}
