import StrataCore

/// Maven `pom.xml`: the direct dependencies, each at the line of its `<dependency>`. Versions
/// come from the dependency itself or `<dependencyManagement>`, with `${…}` resolved from
/// `<properties>` and the project's coordinates (`MavenProperties`); ranges (`[1.0,2.0)`) and
/// unresolved references are kept as the constraint, not guessed. `test` scope is development
/// only. Parent poms and imported BOMs are other files and are not fetched.
public struct PomXMLParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .standard) { self.limits = limits }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard bytes.count <= limits.maxBytes else {
            inventory.fail(path, line: nil, "file is \(bytes.count) bytes, over the \(limits.maxBytes)-byte limit", code: .fileTooLarge)
            return inventory
        }
        let project: XMLElement
        do {
            project = try XMLTreeReader.parse(bytes, maxDepth: limits.maxDepth)
        } catch {
            inventory.fail(path, line: error.location?.startLine, error.reason, code: error.code)
            return inventory
        }
        guard project.name == "project" else {
            inventory.fail(path, line: project.line, "root element is <\(project.name)>, not <project>")
            return inventory
        }
        let properties = MavenProperties(project: project)
        var managed: [String: String] = [:]
        for d in project.child("dependencyManagement")?.child("dependencies")?.children("dependency") ?? [] {
            guard let g = d.value("groupId"), let a = d.value("artifactId"), let v = d.value("version") else { continue }
            managed[properties.resolve(g) + ":" + properties.resolve(a)] = properties.resolve(v)
        }
        for d in project.child("dependencies")?.children("dependency") ?? [] {
            guard inventory.packages.count < limits.maxPackages else {
                inventory.warn(path, line: d.line, "more than \(limits.maxPackages) dependencies; the rest were not read")
                break
            }
            guard let g = d.value("groupId").map(properties.resolve), let a = d.value("artifactId").map(properties.resolve) else {
                inventory.warn(path, line: d.line, "dependency without groupId and artifactId")
                continue
            }
            let name = g + ":" + a
            let declared = d.value("version").map(properties.resolve) ?? managed[name]
            let pinned = declared.flatMap { Self.isExact($0) ? $0 : nil }
            if declared == nil {
                inventory.warn(path, line: d.line, "\(name) has no version here or in dependencyManagement (a parent pom or BOM may set it)")
            }
            inventory.packages.append(InventoryPackage(
                name: name, version: pinned, ecosystem: "Maven",
                purl: PURL(type: "maven", namespace: g, name: a, version: pinned),
                relationship: .direct, isDevelopment: d.value("scope") == "test",
                constraint: pinned == nil ? declared : nil, location: SourceLocation(path: path, startLine: d.line)))
        }
        return inventory
    }

    /// A soft requirement (`1.2.3`) is the version Maven picks; ranges and leftover `${}` are not.
    static func isExact(_ version: String) -> Bool {
        !version.isEmpty && !version.contains("${") && !version.contains(where: { "[](),".contains($0) || $0.isWhitespace })
    }
}
