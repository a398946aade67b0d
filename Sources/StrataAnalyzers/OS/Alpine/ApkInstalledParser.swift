import StrataCore

/// `lib/apk/db/installed`: one blank-line-separated record per package, one `X:value` per line
/// (`P:` name, `V:` version, `A:` arch, `o:` origin = source package). Other keys are skipped.
public struct ApkInstalledParser: Sendable {
    public var limits: ParseLimits
    /// PURL namespace (`alpine`, `wolfi`); `Inventory.applying(_:)` sets it from os-release.
    public var vendor: String

    public init(limits: ParseLimits = .standard, vendor: String = "alpine") {
        self.limits = limits
        self.vendor = vendor
    }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let source = SourceText.decode(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        let stanzas = StanzaReader.read(source) { line, _ in
            inventory.warn(path, line: line, "line is not a `X:value` record field")
        }
        for stanza in stanzas where inventory.packages.count < limits.maxPackages {
            guard let name = stanza["P"], !name.isEmpty else {
                inventory.warn(path, line: stanza.startLine, "record has no P: (package name)")
                continue
            }
            guard let version = stanza["V"], !version.isEmpty else {
                inventory.warn(path, line: stanza.line(of: "P"), "package \(name) has no V: (version)")
                continue
            }
            inventory.packages.append(InventoryPackage(
                name: name, version: version, ecosystem: "Alpine",
                purl: .apk(name, version, vendor: vendor, arch: stanza["A"], distro: nil),
                sourceName: stanza["o"] ?? name, sourceVersion: version,
                location: SourceLocation(path: path, startLine: stanza.line(of: "P"), endLine: stanza.fields.last?.line)))
        }
        return inventory
    }
}
