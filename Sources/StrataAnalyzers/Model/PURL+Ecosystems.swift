/// PURL construction per ecosystem, following the purl-spec type definitions.
extension PURL {
    /// PyPI: name lower-cased, `_` and `.` runs replaced by `-` (PEP 503).
    public static func pypi(_ name: String, _ version: String?) -> PURL {
        PURL(type: "pypi", name: normalizePyPI(name), version: version)
    }

    /// npm: a scope `@scope/name` becomes namespace `@scope` (encoded as `%40scope`).
    public static func npm(_ name: String, _ version: String?) -> PURL {
        if name.hasPrefix("@"), let slash = name.firstIndex(of: "/") {
            return PURL(type: "npm", namespace: String(name[..<slash]),
                        name: String(name[name.index(after: slash)...]), version: version)
        }
        return PURL(type: "npm", name: name, version: version)
    }

    /// Go: the module path's last segment is the name, the rest the namespace.
    public static func golang(_ module: String, _ version: String?) -> PURL {
        guard let slash = module.lastIndex(of: "/") else { return PURL(type: "golang", name: module, version: version) }
        return PURL(type: "golang", namespace: String(module[..<slash]),
                    name: String(module[module.index(after: slash)...]), version: version)
    }

    /// Composer: `vendor/package`, both lower-cased.
    public static func composer(_ name: String, _ version: String?) -> PURL {
        let lower = name.lowercased()
        guard let slash = lower.firstIndex(of: "/") else { return PURL(type: "composer", name: lower, version: version) }
        return PURL(type: "composer", namespace: String(lower[..<slash]),
                    name: String(lower[lower.index(after: slash)...]), version: version)
    }

    public static func cargo(_ name: String, _ version: String?) -> PURL { PURL(type: "cargo", name: name, version: version) }
    public static func gem(_ name: String, _ version: String?) -> PURL { PURL(type: "gem", name: name, version: version) }

    /// Debian: `pkg:deb/debian/name@version?arch=…&distro=debian-12`.
    public static func deb(_ name: String, _ version: String, vendor: String, arch: String?, distro: String?) -> PURL {
        var q: [String: String] = [:]
        if let arch { q["arch"] = arch }
        if let distro { q["distro"] = distro }
        return PURL(type: "deb", namespace: vendor, name: name, version: version, qualifiers: q)
    }

    /// Alpine: `pkg:apk/alpine/name@version?arch=…&distro=alpine-3.19`.
    public static func apk(_ name: String, _ version: String, vendor: String, arch: String?, distro: String?) -> PURL {
        var q: [String: String] = [:]
        if let arch { q["arch"] = arch }
        if let distro { q["distro"] = distro }
        return PURL(type: "apk", namespace: vendor, name: name.lowercased(), version: version, qualifiers: q)
    }

    /// PEP 503 normalisation: lower-case, runs of `-`, `_`, `.` become one `-`.
    public static func normalizePyPI(_ name: String) -> String {
        var out = ""
        var inRun = false
        for ch in name.lowercased() {
            if ch == "-" || ch == "_" || ch == "." {
                if !inRun { out.append("-") }
                inRun = true
            } else {
                out.append(ch)
                inRun = false
            }
        }
        return out
    }
}
