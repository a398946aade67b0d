/// The distribution described by an `os-release` file.
public struct OperatingSystem: Sendable, Hashable, Codable {
    /// `ID`, lower-case (`debian`, `ubuntu`, `alpine`, `rhel`, `rocky`, `almalinux`, `amzn`, `sles`, `wolfi`).
    public var id: String
    public var versionID: String?
    public var codename: String?
    public var idLike: [String]
    public var prettyName: String?

    public init(id: String, versionID: String? = nil, codename: String? = nil, idLike: [String] = [], prettyName: String? = nil) {
        self.id = id
        self.versionID = versionID
        self.codename = codename
        self.idLike = idLike
        self.prettyName = prettyName
    }

    /// The family a vulnerability source is chosen by: `ID` if known, else the first known `ID_LIKE`.
    public var family: String {
        let known: Set<String> = ["debian", "ubuntu", "alpine", "rhel", "fedora", "suse", "wolfi", "amzn"]
        if known.contains(id) { return id }
        return idLike.first(where: known.contains) ?? id
    }

    /// `distro=` PURL qualifier value: `debian-12`, `alpine-3.19`.
    public var distroQualifier: String {
        guard let versionID else { return id }
        return "\(id)-\(versionID)"
    }
}
