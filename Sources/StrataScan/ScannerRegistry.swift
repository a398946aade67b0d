import StrataCore

/// The table of scanner families `strata fs` knows. Adding a scanner is adding a line here
/// (and its id to `knownIDs` if it is planned but not yet built).
public struct ScannerRegistry: Sendable {
    public let scanners: [any StrataScanner]

    public init(scanners: [any StrataScanner]) {
        self.scanners = scanners
    }

    /// The scanners built into this release.
    public static let builtin = ScannerRegistry(scanners: [VulnerabilityScanner(), SecretScanner()])

    /// Ids users may name in `--scanners`, built or not yet.
    public static let knownIDs = ["vuln", "misconfig", "secret", "license"]

    /// The registered scanners for the requested ids, in registry order; unknown ids throw.
    public func select(_ ids: [String]) throws(StrataError) -> [any StrataScanner] {
        for id in ids where !ScannerRegistry.knownIDs.contains(id) && !scanners.contains(where: { $0.id == id }) {
            throw StrataError(.unknownScanner, "unknown scanner '\(id)'; known: \(ScannerRegistry.knownIDs.joined(separator: ", "))")
        }
        return scanners.filter { ids.contains($0.id) }
    }

    /// Requested ids that have no implementation in this build, for a clear notice.
    public func unavailable(_ ids: [String]) -> [String] {
        ids.filter { id in !scanners.contains { $0.id == id } }
    }
}
