/// `${name}` interpolation as Maven applies it to a pom: the pom's `<properties>`, then the
/// project's own coordinates (`project.version`, `project.groupId`, `project.parent.version`,
/// and the old `pom.`/bare forms). Nested references resolve up to a fixed depth, so cycles
/// end; what cannot be resolved stays as written.
struct MavenProperties {
    var values: [String: String]

    init(project: XMLElement) {
        var values: [String: String] = [:]
        for p in project.child("properties")?.children ?? [] { values[p.name] = p.text }
        let group = project.value("groupId") ?? project.value("parent", "groupId")
        let version = project.value("version") ?? project.value("parent", "version")
        let builtins: [(String, String?)] = [
            ("groupId", group), ("artifactId", project.value("artifactId")), ("version", version),
            ("parent.version", project.value("parent", "version")), ("parent.groupId", project.value("parent", "groupId")),
            ("parent.artifactId", project.value("parent", "artifactId")),
        ]
        for (key, value) in builtins {
            guard let value else { continue }
            values["project." + key] = value
            values["pom." + key] = values["pom." + key] ?? value
        }
        values["version"] = values["version"] ?? version
        self.values = values
    }

    static let maxDepth = 10

    func resolve(_ text: String) -> String {
        var current = text
        for _ in 0..<Self.maxDepth {
            guard current.contains("${") else { return current }
            let next = substituteOnce(current)
            if next == current { return current }
            current = next
        }
        return current
    }

    private func substituteOnce(_ text: String) -> String {
        var out = "", rest = Substring(text)
        while let open = rest.range(of: "${") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { out += rest[open.lowerBound...]; return out }
            let name = String(rest[open.upperBound..<close])
            out += values[name] ?? "${\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
