import StrataCore

/// SwiftPM `Package.resolved`: v1 (`object.pins[]` with `package`, `repositoryURL`) and v2/v3
/// (`pins[]` with `identity`, `location`). The name is the repository URL without scheme, user,
/// `.git` or trailing slash (OSV's `SwiftURL` form: `github.com/apple/swift-nio`); a pin on a
/// branch or revision has no version and the pin in `constraint`. Local (`fileSystem`) pins are
/// skipped. Package.resolved does not say what is direct.
public struct PackageResolvedParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let root = JSONNode.read(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        guard let pins = root["pins"] ?? root["object"]?["pins"] else {
            inventory.fail(path, line: root.line, "Package.resolved has no pins")
            return inventory
        }
        for pin in pins.elements where inventory.packages.count < limits.maxPackages {
            if pin["kind"]?.string == "fileSystem" || pin["kind"]?.string == "localSourceControl" { continue }
            guard let location = pin["location"]?.string ?? pin["repositoryURL"]?.string,
                  let name = Self.repositoryName(location) else {
                inventory.warn(path, line: pin.line, "pin without a repository location")
                continue
            }
            let state = pin["state"]
            let version = state?["version"]?.string
            let constraint = version == nil
                ? (state?["branch"]?.string.map { "branch \($0)" } ?? state?["revision"]?.string.map { "revision \($0)" }) : nil
            inventory.packages.append(InventoryPackage(
                name: name, version: version, ecosystem: "SwiftURL", purl: Self.purl(name, version),
                constraint: constraint, location: SourceLocation(path: path, startLine: pin.line)))
        }
        return inventory
    }

    /// `https://github.com/apple/swift-nio.git` or `git@github.com:apple/swift-nio` → `github.com/apple/swift-nio`.
    static func repositoryName(_ location: String) -> String? {
        var s = Substring(location)
        if let scheme = s.range(of: "://") { s = s[scheme.upperBound...] }
        if let at = s.firstIndex(of: "@"), !s[..<at].contains("/") { s = s[s.index(after: at)...] }
        if let colon = s.firstIndex(of: ":"), !s[..<colon].contains("/"), !s[s.index(after: colon)...].hasPrefix("/") {
            s = s[..<colon] + "/" + s[s.index(after: colon)...]
        }
        while s.hasSuffix("/") { s = s.dropLast() }
        if s.hasSuffix(".git") { s = s.dropLast(4) }
        return s.contains("/") ? String(s) : nil
    }

    /// `pkg:swift/github.com/apple/swift-nio@2.0.0`: the host and path are the namespace.
    static func purl(_ name: String, _ version: String?) -> PURL {
        guard let slash = name.lastIndex(of: "/") else { return PURL(type: "swift", name: name, version: version) }
        return PURL(type: "swift", namespace: String(name[..<slash]), name: String(name[name.index(after: slash)...]), version: version)
    }
}
