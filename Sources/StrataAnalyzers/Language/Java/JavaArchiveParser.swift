import StrataCore

/// Java archives (`.jar`, `.war`, `.ear`): every `META-INF/maven/<group>/<artifact>/pom.properties`
/// is a package (a shaded jar holds several); a jar without one falls back to its manifest's
/// Implementation-/Bundle- attributes (`JarManifest`). Archives inside (`WEB-INF/lib/*.jar`,
/// Spring Boot's `BOOT-INF/lib/*.jar`, an ear's modules) are read one level deep. Decompression
/// is bounded per entry and per archive, so zip bombs end in a diagnostic. A binary has no
/// lines, so locations carry only the path. The zip structure is read by `ZipDirectory` (ours;
/// ZIPFoundation's in-memory archives trap on truncated input).
public struct JavaArchiveParser: Sendable {
    public var maxBytes: Int
    /// Most bytes any one entry may decompress to; pom.properties and manifests are small.
    public var maxEntryBytes: Int
    /// Most bytes all entries of one archive (nested ones included) may decompress to.
    public var maxTotalBytes: Int
    public var maxPackages: Int

    public init(maxBytes: Int = 256 << 20, maxEntryBytes: Int = 64 << 20, maxTotalBytes: Int = 512 << 20, maxPackages: Int = 10_000) {
        self.maxBytes = maxBytes
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxPackages = maxPackages
    }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard bytes.count <= maxBytes else {
            inventory.fail(path, line: nil, "archive is \(bytes.count) bytes, over the \(maxBytes)-byte limit", code: .fileTooLarge)
            return inventory
        }
        var budget = maxTotalBytes
        read(bytes, name: path, nested: false, path: path, budget: &budget, into: &inventory)
        return inventory
    }

    static let nestedSuffixes = [".jar", ".war", ".rar", ".sar"]

    private func read(_ bytes: [UInt8], name: String, nested: Bool, path: String, budget: inout Int, into inventory: inout Inventory) {
        let archive: ZipDirectory
        do {
            archive = try ZipDirectory(bytes)
        } catch {
            inventory.warn(path, line: nil, "\(name): \(error.reason)")
            return
        }
        var found = 0
        var manifest: JarManifest?
        var inner: [(String, [UInt8])] = []
        for entry in archive.entries where !entry.isDirectory {
            let entryPath = entry.name
            let isProperties = Self.isPomProperties(entryPath)
            let isManifest = entryPath == "META-INF/MANIFEST.MF"
            let isNested = !nested && Self.nestedSuffixes.contains { entryPath.lowercased().hasSuffix($0) }
            guard isProperties || isManifest || isNested else { continue }
            let data: [UInt8]
            do {
                data = try extract(entry, from: archive, budget: &budget)
            } catch {
                inventory.warn(path, line: nil, "\(name)!/\(entryPath): \(error.reason)", code: error.code)
                if error.code == .fileTooLarge && budget <= 0 { return }
                continue
            }
            if isProperties {
                if let p = package(fromProperties: data, path: path) {
                    guard inventory.packages.count < maxPackages else { return }
                    inventory.packages.append(p)
                    found += 1
                }
            } else if isManifest {
                manifest = JarManifest(data)
            } else {
                inner.append((entryPath, data))
            }
        }
        if found == 0, let c = manifest?.coordinates {
            inventory.packages.append(Self.package(c.group, c.artifact, c.version, path: path))
        }
        for (entryPath, data) in inner {
            read(data, name: "\(name)!/\(entryPath)", nested: true, path: path, budget: &budget, into: &inventory)
        }
    }

    /// `META-INF/maven/<group>/<artifact>/pom.properties`, exactly that depth.
    static func isPomProperties(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 5 && parts[0] == "META-INF" && parts[1] == "maven" && parts[4] == "pom.properties"
            && !parts[2].isEmpty && !parts[3].isEmpty
    }

    private func package(fromProperties bytes: [UInt8], path: String) -> InventoryPackage? {
        var values: [String: String] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let trimmed = String(line).trimmingSpaces
            guard !trimmed.hasPrefix("#"), !trimmed.hasPrefix("!"), let eq = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            values[String(trimmed[..<eq]).trimmingSpaces] = String(trimmed[trimmed.index(after: eq)...]).trimmingSpaces
        }
        guard let g = values["groupId"], let a = values["artifactId"], let v = values["version"], !g.isEmpty, !a.isEmpty, !v.isEmpty else { return nil }
        return Self.package(g, a, v, path: path)
    }

    static func package(_ group: String, _ artifact: String, _ version: String, path: String) -> InventoryPackage {
        InventoryPackage(name: group + ":" + artifact, version: version, ecosystem: "Maven",
                         purl: PURL(type: "maven", namespace: group, name: artifact, version: version),
                         location: SourceLocation(path: path))
    }

    /// Decompresses one entry, stopping as soon as it passes the per-entry limit or the archive's
    /// remaining budget (the sizes in zip headers are not trusted).
    private func extract(_ entry: ZipDirectory.Entry, from archive: ZipDirectory, budget: inout Int) throws(StrataError) -> [UInt8] {
        let limit = min(maxEntryBytes, budget)
        do {
            let out = try archive.contents(of: entry, limit: limit)
            budget -= out.count
            return out
        } catch {
            // A bomb used up what it was allowed to.
            if error.code == .fileTooLarge { budget -= limit }
            throw error
        }
    }
}
