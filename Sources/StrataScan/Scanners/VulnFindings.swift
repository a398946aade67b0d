import StrataAnalyzers
import StrataCore
import StrataVulnDB

/// Turns matches for one package into findings that explain themselves: which advisory, why
/// (installed version, the part of the advisory that matched), how to fix, exploitation facts.
enum VulnFindings {
    /// Findings, diagnostics and (with `vuln.list-packages`) the package list of one inventory.
    static func scan(_ inventory: Inventory, target: String, matcher: VulnMatcher?, context: ScanContext, bySource: Bool = false) -> FileScanResult {
        var out = FileScanResult(diagnostics: inventory.diagnostics)
        let ignoreUnfixed = context.setting("vuln", "ignore-unfixed") == "true"
        let list = context.setting("vuln", "list-packages") == "true"
        for package in inventory.packages {
            if list, let version = package.version {
                out.packages.append(PackageFacts(
                    name: package.name, installedVersion: version, purl: package.purl?.description,
                    ecosystem: package.ecosystem, sourceName: package.sourceName, location: package.location))
            }
            guard let matcher else { continue }
            out.merge(findings(for: package, target: target, matcher: matcher, ignoreUnfixed: ignoreUnfixed, bySource: bySource))
        }
        return out
    }

    static func findings(for package: InventoryPackage, target: String, matcher: VulnMatcher, ignoreUnfixed: Bool, bySource: Bool) -> FileScanResult {
        guard let installed = package.version else { return FileScanResult() }
        // Distributions publish advisories per source package.
        let name = bySource ? package.sourceName ?? package.name : package.name
        let version = bySource ? package.sourceVersion ?? installed : installed
        let outcome: VulnMatcher.Outcome
        do {
            outcome = try matcher.match(PackageQuery(ecosystem: package.ecosystem, name: name, version: version))
        } catch {
            return FileScanResult(diagnostics: [Diagnostic(error, path: package.location.path)])
        }
        var result = FileScanResult()
        for note in outcome.notes where note.contains(version) && !note.contains("no version scheme") {
            result.diagnostics.append(Diagnostic(level: .warning, code: .parseError, location: package.location, reason: note))
        }
        for m in outcome.matches where !(ignoreUnfixed && m.fixedVersions.isEmpty) {
            result.findings.append(finding(m, package: package, version: installed, target: target))
        }
        return result
    }

    static func unique(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }

    static func finding(_ m: VulnMatch, package: InventoryPackage, version: String, target: String) -> Finding {
        var message = "\(package.name) \(version) is affected by \(m.advisoryID)"
        if !m.aliases.isEmpty { message += " (\(m.aliases.joined(separator: ", ")))" }
        message += m.matchedByRanges ? "; the installed version lies in an affected range" : "; the advisory lists the installed version"
        if !m.fixedVersions.isEmpty { message += "; fixed in \(m.fixedVersions.joined(separator: ", "))" }
        if let score = m.cvss { message += "; CVSS \(score.version) \(score.base)" }
        if m.knownExploited { message += "; known to be exploited (CISA KEV)" }
        if let epss = m.epss { message += "; EPSS \(epss)" }
        let remediation = m.lowestFixedVersion.map { "Upgrade \(package.name) to \($0) or later." }
            ?? "No fixed version is published; consider removing or replacing \(package.name)."
        return Finding(
            kind: .vulnerability, ruleID: m.advisoryID, aliases: m.aliases, title: m.summary ?? m.advisoryID,
            severity: m.severity, target: target, location: package.location, message: message,
            remediation: remediation, references: unique(m.references).prefix(5).map { $0 },
            package: PackageFacts(
                name: package.name, installedVersion: version, fixedVersions: m.fixedVersions,
                purl: package.purl?.description, ecosystem: package.ecosystem),
            fingerprintHint: "\(package.ecosystem)|\(package.name)|\(version)|\(m.advisoryID)")
    }
}
