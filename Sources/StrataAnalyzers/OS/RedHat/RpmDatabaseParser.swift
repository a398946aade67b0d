import StrataCore

/// The RPM database in each of its three forms, told apart by their magic numbers: SQLite
/// (`rpmdb.sqlite`, RPM ≥ 4.16: RHEL/Alma/Rocky 9, Fedora ≥ 33, openSUSE/SLE 16), one header
/// blob per row of `Packages`; BerkeleyDB hash (`Packages`, `RpmBerkeleyDB`: RHEL ≤ 8, Amazon
/// Linux 2); and ndb (`Packages.db`, `RpmNDB`: SUSE 15). Versions are
/// `[epoch:]version-release`; the source package comes from `SOURCERPM`
/// (`openssl-3.0.7-27.el9.src.rpm`). `gpg-pubkey` pseudo-packages are skipped. A binary file has
/// no lines, so locations carry only the path.
public struct RpmDatabaseParser: Sendable {
    public var limits: ParseLimits
    /// PURL namespace; `Inventory.applying(_:)` sets it from os-release.
    public var vendor: String

    public init(limits: ParseLimits = .standard, vendor: String = "redhat") {
        self.limits = limits
        self.vendor = vendor
    }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard bytes.count <= limits.maxBytes else {
            inventory.fail(path, line: nil, "file is \(bytes.count) bytes, over the \(limits.maxBytes)-byte limit", code: .fileTooLarge)
            return inventory
        }
        var blobs = 0
        do {
            if RpmNDB.looksLike(bytes) {
                try RpmNDB.forEachValue(bytes, limit: limits.maxPackages) { blobs += 1; read($0, path: path, into: &inventory) }
            } else if RpmBerkeleyDB.looksLike(bytes) {
                try RpmBerkeleyDB.forEachValue(bytes, limit: limits.maxPackages) { blobs += 1; read($0, path: path, into: &inventory) }
            } else {
                let database = try SQLiteReader(bytes)
                guard let root = try database.rootPage(ofTable: "Packages") else {
                    inventory.fail(path, line: nil, "SQLite database has no Packages table")
                    return inventory
                }
                try database.forEachRow(rootPage: root, limit: limits.maxPackages) { columns in
                    blobs += 1
                    guard let blob = columns.dropFirst().first?.blob else {
                        inventory.warn(path, line: nil, "Packages row without a header blob")
                        return
                    }
                    read(blob, path: path, into: &inventory)
                }
            }
        } catch {
            inventory.fail(path, line: nil, error.reason, code: error.code)
        }
        if blobs >= limits.maxPackages {
            inventory.warn(path, line: nil, "more than \(limits.maxPackages) packages; the rest were not read")
        }
        return inventory
    }

    private func read(_ blob: [UInt8], path: String, into inventory: inout Inventory) {
        do {
            let header = try RPMHeader.parse(blob)
            if let package = package(header, path: path, into: &inventory) { inventory.packages.append(package) }
        } catch {
            inventory.warn(path, line: nil, error.reason, code: error.code)
        }
    }

    private func package(_ header: RPMHeader, path: String, into inventory: inout Inventory) -> InventoryPackage? {
        guard let name = header.strings[.name], let version = header.strings[.version], let release = header.strings[.release],
              !name.isEmpty, !version.isEmpty, !release.isEmpty else {
            inventory.warn(path, line: nil, "RPM header without name, version and release")
            return nil
        }
        if name == "gpg-pubkey" { return nil }
        let epoch = header.integers[.epoch]
        let evr = (epoch.map { "\($0):" } ?? "") + version + "-" + release
        let source = header.strings[.sourceRPM].flatMap(Self.splitSourceRPM)
        var qualifiers: [String: String] = [:]
        if let arch = header.strings[.arch] { qualifiers["arch"] = arch }
        if let epoch { qualifiers["epoch"] = String(epoch) }
        return InventoryPackage(
            name: name, version: evr, ecosystem: "RPM",
            purl: PURL(type: "rpm", namespace: vendor, name: name, version: version + "-" + release, qualifiers: qualifiers),
            sourceName: source?.name ?? name,
            sourceVersion: source.map { (epoch.map { "\($0):" } ?? "") + $0.version } ?? evr,
            location: SourceLocation(path: path))
    }

    /// `name-version-release.src.rpm` → (`name`, `version-release`); names may contain `-`.
    static func splitSourceRPM(_ file: String) -> (name: String, version: String)? {
        var base = Substring(file)
        for suffix in [".rpm", ".src", ".nosrc"] where base.hasSuffix(suffix) { base = base.dropLast(suffix.count) }
        guard let releaseDash = base.lastIndex(of: "-"),
              let versionDash = base[..<releaseDash].lastIndex(of: "-") else { return nil }
        let name = base[..<versionDash]
        return name.isEmpty ? nil : (String(name), String(base[base.index(after: versionDash)...]))
    }
}
