/// How each ecosystem compares package names, so the index key is the same for an advisory and
/// an installed package that the ecosystem considers the same.
public enum PackageName {
    public static func normalized(_ name: String, ecosystem: String) -> String {
        switch ecosystem {
        case "PyPI": pep503(name)
        case "NuGet", "Packagist", "npm", "Hackage": name.lowercased()
        default: name
        }
    }

    /// PEP 503: lower case, every run of `-`, `_` and `.` becomes one `-`.
    static func pep503(_ name: String) -> String {
        var out = ""
        var lastWasSeparator = false
        for c in name.lowercased() {
            if c == "-" || c == "_" || c == "." {
                if !lastWasSeparator { out.append("-") }
                lastWasSeparator = true
            } else {
                out.append(c)
                lastWasSeparator = false
            }
        }
        return out
    }
}
