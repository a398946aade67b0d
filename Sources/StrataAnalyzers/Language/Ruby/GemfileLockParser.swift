import StrataCore

/// Bundler `Gemfile.lock`: gems are the four-space-indented `name (version)` lines under
/// `specs:` in the `GEM`, `GIT` and `PATH` sections (six-space lines are their dependencies).
/// A platform suffix (`1.15.4-x86_64-linux`) is cut from the version. Gems named in the
/// `DEPENDENCIES` section are direct, the rest indirect.
public struct GemfileLockParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let source = SourceText.decode(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        var section = ""
        var inSpecs = false
        var specs: [(name: String, version: String, line: Int)] = []
        var direct: Set<String>?
        for line in source.lines {
            let text = line.text
            if text.trimmed.isEmpty { continue }
            let indent = text.prefix { $0 == " " }.count
            if indent == 0 {
                section = String(text.trimmed)
                inSpecs = false
                if section == "DEPENDENCIES" { direct = direct ?? [] }
            } else if ["GEM", "GIT", "PATH"].contains(section) {
                if indent == 2 { inSpecs = text.trimmed == "specs:"; continue }
                guard inSpecs, indent == 4 else { continue }
                guard let spec = Self.spec(text.trimmed) else {
                    inventory.warn(path, line: line.number, "spec line is not `name (version)`")
                    continue
                }
                specs.append((spec.name, spec.version, line.number))
            } else if section == "DEPENDENCIES", indent == 2 {
                let name = text.trimmed.prefix { $0 != " " && $0 != "!" }
                direct?.insert(String(name))
            }
        }
        for spec in specs.prefix(limits.maxPackages) {
            let relationship: InventoryPackage.Relationship = direct.map { $0.contains(spec.name) ? .direct : .indirect } ?? .unknown
            inventory.packages.append(InventoryPackage(
                name: spec.name, version: spec.version, ecosystem: "RubyGems", purl: .gem(spec.name, spec.version),
                relationship: relationship, location: SourceLocation(path: path, startLine: spec.line)))
        }
        return inventory
    }

    /// `rack (2.2.8)` or `nokogiri (1.15.4-x86_64-linux)` → name and version without platform.
    static func spec(_ text: Substring) -> (name: String, version: String)? {
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else { return nil }
        let name = text[..<open].trimmed
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmed
        let version = inner.prefix { $0 != "-" }
        guard !name.isEmpty, !version.isEmpty, !name.contains(" ") else { return nil }
        return (String(name), String(version))
    }
}
