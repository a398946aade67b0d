import StrataCore

/// `yarn.lock`, classic (v1: `version "1.2.3"`) and berry (v2+: `version: 1.2.3`, with a
/// `__metadata` entry). Each top-level entry is one resolved package; its name comes from the
/// first descriptor (`"@babel/core@^7.0.0", …:`). Workspace, link, portal, file and patch
/// entries are the project's own code or duplicates and are skipped. The lock does not say
/// what is direct.
public struct YarnLockParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    private struct Entry {
        var descriptors: [String]
        var line: Int
        var version: String?
        var resolution: String?
    }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let source = SourceText.decode(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        var entries: [Entry] = []
        for line in source.lines {
            let text = line.text
            if text.trimmed.isEmpty || text.hasPrefix("#") { continue }
            if !text.hasPrefix(" ") {
                guard text.hasSuffix(":") else {
                    inventory.warn(path, line: line.number, "top-level line is not an entry header")
                    continue
                }
                entries.append(Entry(descriptors: Self.descriptors(text.dropLast()), line: line.number))
            } else if text.hasPrefix("  "), !text.hasPrefix("   "), !entries.isEmpty {
                if let v = Self.field("version", text.trimmed) { entries[entries.count - 1].version = v }
                if let r = Self.field("resolution", text.trimmed) { entries[entries.count - 1].resolution = r }
            }
        }
        for entry in entries where inventory.packages.count < limits.maxPackages {
            guard let first = entry.descriptors.first, first != "__metadata", !Self.isLocal(entry.descriptors) else { continue }
            let name = Self.packageName(entry.resolution ?? first)
            guard let version = entry.version, !name.isEmpty else {
                inventory.warn(path, line: entry.line, "entry \(first) has no version")
                continue
            }
            inventory.packages.append(InventoryPackage(
                name: name, version: version, ecosystem: "npm", purl: .npm(name, version),
                location: SourceLocation(path: path, startLine: entry.line)))
        }
        return inventory
    }

    static func descriptors(_ header: Substring) -> [String] {
        header.split(separator: ",").map { part in
            var d = part.trimmed
            if d.hasPrefix("\""), d.hasSuffix("\""), d.count >= 2 { d = d.dropFirst().dropLast() }
            return String(d)
        }
    }

    /// `version "1.2.3"` (v1) or `version: 1.2.3` (berry), for any field name.
    static func field(_ name: String, _ field: Substring) -> String? {
        guard field.hasPrefix(name) else { return nil }
        var v = field.dropFirst(name.count)
        if v.hasPrefix(":") { v = v.dropFirst() }
        guard v.first == " " else { return nil }
        v = v.trimmed
        if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = v.dropFirst().dropLast() }
        return v.isEmpty ? nil : String(v)
    }

    /// `@scope/name@npm:^1.0` → `@scope/name`; `name@^1` → `name`; an npm alias
    /// `alias@npm:real@^1` → `real` (the package actually installed).
    static func packageName(_ descriptor: String) -> String {
        let name = declaredName(descriptor)
        let range = descriptor.dropFirst(name.count + 1)
        if range.hasPrefix("npm:") {
            let target = String(range.dropFirst(4))
            let real = declaredName(target)
            if real.count < target.count, !real.isEmpty { return real }
        }
        return name
    }

    private static func declaredName(_ descriptor: String) -> String {
        let searchStart = descriptor.index(descriptor.startIndex, offsetBy: descriptor.hasPrefix("@") ? 1 : 0)
        guard let at = descriptor[searchStart...].firstIndex(of: "@") else { return descriptor }
        return String(descriptor[..<at])
    }

    static func isLocal(_ descriptors: [String]) -> Bool {
        let local = ["@workspace:", "@link:", "@portal:", "@file:", "@patch:"]
        return descriptors.contains { d in local.contains { d.contains($0) } }
    }
}
