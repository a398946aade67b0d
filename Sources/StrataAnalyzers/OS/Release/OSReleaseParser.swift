import StrataCore

/// `etc/os-release` / `usr/lib/os-release`: shell-style `KEY=value` lines, values optionally in
/// single or double quotes (with `\"`, `\\`, `\$`, `` \` `` escapes inside double quotes).
public struct OSReleaseParser: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = ParseLimits(maxBytes: 1 << 20)) { self.limits = limits }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard let source = SourceText.decode(bytes, path: path, limits: limits, into: &inventory) else { return inventory }
        var values: [String: String] = [:]
        for line in source.lines {
            let text = line.text.trimmed
            if text.isEmpty || text.hasPrefix("#") { continue }
            guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
                inventory.warn(path, line: line.number, "not a KEY=value line")
                continue
            }
            values[String(text[..<eq])] = Self.unquote(text[text.index(after: eq)...])
        }
        guard let id = values["ID"]?.lowercased(), !id.isEmpty else {
            inventory.warn(path, line: nil, "no ID= line")
            return inventory
        }
        inventory.operatingSystem = OperatingSystem(
            id: id, versionID: values["VERSION_ID"].flatMap { $0.isEmpty ? nil : $0 },
            codename: values["VERSION_CODENAME"].flatMap { $0.isEmpty ? nil : $0 },
            idLike: (values["ID_LIKE"] ?? "").lowercased().split(separator: " ").map(String.init),
            prettyName: values["PRETTY_NAME"])
        return inventory
    }

    static func unquote(_ raw: Substring) -> String {
        guard let quote = raw.first, quote == "\"" || quote == "'" else { return String(raw) }
        var out = ""
        var escaped = false
        for ch in raw.dropFirst() {
            if escaped { out.append(ch); escaped = false; continue }
            if ch == "\\" && quote == "\"" { escaped = true; continue }
            if ch == quote { break }
            out.append(ch)
        }
        return out
    }
}
