import StrataAnalyzers
import StrataArtifact
import StrataCore
import StrataVulnDB

/// OS packages of a root filesystem: the distribution from os-release, then every package
/// database the tree holds (dpkg status and status.d, apk installed, rpmdb.sqlite), matched by
/// source package in the distribution's OSV ecosystem (`Debian:12`, `Alpine:v3.19`, `AlmaLinux:9`).
struct OSPackages {
    static let analyzerIDs: Set<String> = ["os-release", "dpkg-status", "apk-installed", "rpm-database"]
    let analyzers: AnalyzerRegistry

    func scan(files: [WalkedFile], matcher: VulnMatcher?, context: ScanContext) -> FileScanResult {
        var out = FileScanResult()
        var os: OperatingSystem?
        var inventories: [(String, Inventory)] = []
        for file in files {
            for analyzer in analyzers.analyzers(for: file.path) where OSPackages.analyzerIDs.contains(analyzer.id) {
                let bytes: [UInt8]
                do {
                    bytes = try FileReader.read(file.openPath, limit: 256 << 20, displayPath: file.path)
                } catch {
                    out.diagnostics.append(Diagnostic(error, path: file.path))
                    continue
                }
                let inventory = analyzer.parse(bytes: bytes, path: file.path)
                if analyzer.id == "os-release" { os = os ?? inventory.operatingSystem } else { inventories.append((file.path, inventory)) }
            }
        }
        for (path, inventory) in inventories {
            let applied = os.map { inventory.applying($0) } ?? inventory
            var withRelease = applied
            withRelease.packages = applied.packages.map { p in
                var q = p
                q.ecosystem = OSPackages.ecosystem(p.ecosystem, os: os)
                return q
            }
            out.merge(VulnFindings.scan(withRelease, target: path, matcher: matcher, context: context, bySource: true))
        }
        return out
    }

    /// OSV names distribution releases `Debian:12`, `Alpine:v3.19`, `AlmaLinux:9`, `Rocky Linux:9`.
    static func ecosystem(_ base: String, os: OperatingSystem?) -> String {
        guard let version = os?.versionID, !version.isEmpty else { return base }
        let parts = version.split(separator: ".")
        switch base {
        case "Debian", "AlmaLinux", "Rocky Linux", "Red Hat": return "\(base):\(parts.first ?? "")"
        case "Alpine": return "Alpine:v" + parts.prefix(2).joined(separator: ".")
        default: return base
        }
    }
}
