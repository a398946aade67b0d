import StrataCore

/// `go.sum`: `module version[/go.mod] hash` lines. Each module@version is reported once, at its
/// first line; entries seen only with `/go.mod` are still listed (their go.mod was fetched, so
/// the module is in the build graph). go.sum does not say which modules are direct.
public struct GoSumParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let source = SourceText.decode(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        var seen: Set<String> = []
        for line in source.lines where inventory.packages.count < limits.maxPackages {
            let words = line.text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.isEmpty { continue }
            guard words.count == 3, words[2].contains(":") else {
                inventory.warn(path, line: line.number, "not a `module version hash` line")
                continue
            }
            let module = String(words[0])
            var version = String(words[1])
            if version.hasSuffix("/go.mod") { version.removeLast("/go.mod".count) }
            guard seen.insert(module + "@" + version).inserted else { continue }
            inventory.packages.append(InventoryPackage(
                name: module, version: version, ecosystem: "Go", purl: .golang(module, version),
                location: SourceLocation(path: path, startLine: line.number)))
        }
        return inventory
    }
}
