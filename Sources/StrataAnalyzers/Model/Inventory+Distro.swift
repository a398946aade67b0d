extension Inventory {
    /// OS packages with the distribution filled in: PURL namespace = `ID`, `distro=<id>-<version>`
    /// qualifier, and the ecosystem `Ubuntu`/`Wolfi` where the distribution is not Debian/Alpine.
    public func applying(_ os: OperatingSystem) -> Inventory {
        var copy = self
        copy.packages = packages.map { package in
            guard var purl = package.purl, ["deb", "apk", "rpm"].contains(purl.type) else { return package }
            var changed = package
            purl.namespace = os.id
            purl.qualifiers["distro"] = os.distroQualifier
            changed.purl = purl
            changed.ecosystem = Self.osvEcosystem(for: os, default: package.ecosystem)
            return changed
        }
        return copy
    }

    static func osvEcosystem(for os: OperatingSystem, default fallback: String) -> String {
        switch os.id {
        case "debian": "Debian"
        case "ubuntu": "Ubuntu"
        case "alpine": "Alpine"
        case "wolfi": "Wolfi"
        case "chainguard": "Chainguard"
        case "almalinux": "AlmaLinux"
        case "rocky": "Rocky Linux"
        case "rhel": "Red Hat"
        case "sles", "sles_sap", "sle-micro": "SUSE"
        case "opensuse-leap", "opensuse-tumbleweed": "openSUSE"
        default: fallback
        }
    }
}
