import StrataCore

/// Gradle dependency locking (`gradle.lockfile`): `group:artifact:version=conf1,conf2` per line,
/// `#` comments, and one `empty=…` line for configurations with nothing locked. A module locked
/// only for test configurations (`test…`) is development-only. The lock does not say what is direct.
public struct GradleLockfileParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let source = SourceText.decode(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        for line in source.lines where inventory.packages.count < limits.maxPackages {
            let text = line.text.trimmed
            if text.isEmpty || text.hasPrefix("#") || text.hasPrefix("empty=") { continue }
            let (coordinate, configurations) = Self.split(text)
            let parts = coordinate.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }) else {
                inventory.warn(path, line: line.number, "not a `group:artifact:version=configurations` line")
                continue
            }
            let group = String(parts[0]), artifact = String(parts[1]), version = String(parts[2])
            inventory.packages.append(InventoryPackage(
                name: group + ":" + artifact, version: version, ecosystem: "Maven",
                purl: PURL(type: "maven", namespace: group, name: artifact, version: version),
                isDevelopment: !configurations.isEmpty && configurations.allSatisfy { $0.hasPrefix("test") },
                location: SourceLocation(path: path, startLine: line.number)))
        }
        return inventory
    }

    static func split(_ text: Substring) -> (Substring, [Substring]) {
        guard let eq = text.firstIndex(of: "=") else { return (text, []) }
        return (text[..<eq], text[text.index(after: eq)...].split(separator: ","))
    }
}
