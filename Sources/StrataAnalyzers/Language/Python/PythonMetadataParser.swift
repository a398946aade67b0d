import StrataCore

/// Installed Python distributions: `*.dist-info/METADATA` and `*.egg-info/PKG-INFO` (core
/// metadata, RFC 822 headers up to the first blank line; the body is the description and is not
/// read). One package per file, from `Name:` and `Version:`, located at the `Name:` line.
public struct PythonMetadataParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let source = SourceText.decode(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        let header = SourceText(path: path, text: source.text, lines: Array(source.lines.prefix { !$0.text.trimmed.isEmpty }))
        let stanza = StanzaReader.read(header) { _, _ in }.first ?? Stanza()
        guard let name = stanza["Name"], !name.isEmpty else {
            inventory.warn(path, line: 1, "no Name: header")
            return inventory
        }
        guard let version = stanza["Version"], !version.isEmpty else {
            inventory.warn(path, line: stanza.line(of: "Name"), "distribution \(name) has no Version: header")
            return inventory
        }
        inventory.packages.append(InventoryPackage(
            name: name, version: version, ecosystem: "PyPI", purl: .pypi(name, version),
            location: SourceLocation(path: path, startLine: stanza.line(of: "Name"))))
        return inventory
    }
}
