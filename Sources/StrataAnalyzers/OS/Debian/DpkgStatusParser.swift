import StrataCore

/// `var/lib/dpkg/status` and distroless `var/lib/dpkg/status.d/<name>`: one stanza per package.
/// Only installed packages count: `Status:` want `install`/`hold`, flag `ok`, state `installed`.
/// Distroless stanzas carry no `Status:` and are all installed.
public struct DpkgStatusParser: Sendable {
    public var limits: ParseLimits
    /// PURL namespace (`debian`, `ubuntu`); `Inventory.applying(_:)` sets it from os-release.
    public var vendor: String

    public init(limits: ParseLimits = .standard, vendor: String = "debian") {
        self.limits = limits
        self.vendor = vendor
    }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let source = SourceText.decode(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        let stanzas = StanzaReader.read(source) { line, _ in
            inventory.warn(path, line: line, "line is neither a field nor a continuation")
        }
        for stanza in stanzas where inventory.packages.count < limits.maxPackages {
            if let package = package(from: stanza, path: path, inventory: &inventory) {
                inventory.packages.append(package)
            }
        }
        return inventory
    }

    private func package(from stanza: Stanza, path: String, inventory: inout Inventory) -> InventoryPackage? {
        if let status = stanza["Status"], !Self.isInstalled(status) { return nil }
        guard let name = stanza["Package"], !name.isEmpty else {
            inventory.warn(path, line: stanza.startLine, "stanza has no Package field")
            return nil
        }
        guard let version = stanza["Version"], !version.isEmpty else {
            inventory.warn(path, line: stanza.line(of: "Package"), "package \(name) has no Version field")
            return nil
        }
        let arch = stanza["Architecture"]
        let source = stanza["Source"].map(Self.splitSource)
        return InventoryPackage(
            name: name, version: version, ecosystem: "Debian",
            purl: .deb(name, version, vendor: vendor, arch: arch, distro: nil),
            sourceName: source?.name ?? name, sourceVersion: source?.version ?? version,
            location: SourceLocation(path: path, startLine: stanza.line(of: "Package"),
                                     endLine: stanza.fields.last?.line))
    }

    /// `want flag state`, e.g. `install ok installed`; `hold ok installed` counts too.
    static func isInstalled(_ status: String) -> Bool {
        let words = status.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 3 else { return false }
        return (words[0] == "install" || words[0] == "hold") && words[1] == "ok" && words[2] == "installed"
    }

    /// `Source: name` or `Source: name (version)` (binNMUs and rebuilt packages).
    static func splitSource(_ value: String) -> (name: String, version: String?) {
        guard let open = value.firstIndex(of: "("), let close = value.lastIndex(of: ")"), open < close else {
            return (value.trimmed, nil)
        }
        let name = String(value[..<open]).trimmed
        let version = String(value[value.index(after: open)..<close]).trimmed
        return (name, version.isEmpty ? nil : version)
    }
}
