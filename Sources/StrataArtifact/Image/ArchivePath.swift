/// Member names of archives and image layers, made safe to use under an extraction root: `./`,
/// leading `/` and empty components are dropped, and a name with a `..` component is refused
/// (a layer that writes `../../etc/cron.d/x` must not reach outside the directory it unpacks into).
public enum ArchivePath {
    /// The normalised components, or nil when the name climbs out (`..`) or holds a NUL.
    public static func components(_ name: [UInt8]) -> [[UInt8]]? {
        var out: [[UInt8]] = []
        for part in name.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if part.elementsEqual([UInt8(ascii: ".")]) { continue }
            if part.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) || part.contains(0) { return nil }
            out.append(Array(part))
        }
        return out
    }

    public static func normalized(_ name: [UInt8]) -> [UInt8]? {
        components(name).map(join)
    }

    public static func join(_ parts: [[UInt8]]) -> [UInt8] {
        Array(parts.joined(separator: [UInt8(ascii: "/")]))
    }

    /// A link target resolved against the member's directory, as the archive's own namespace sees it
    /// (absolute targets start at the archive root); nil when it climbs above the root.
    public static func resolve(link target: [UInt8], from member: [UInt8]) -> [UInt8]? {
        var parts: [[UInt8]] = target.first == UInt8(ascii: "/") ? [] : Array((components(member) ?? []).dropLast())
        for part in target.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if part.elementsEqual([UInt8(ascii: ".")]) { continue }
            if part.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(Array(part))
        }
        return join(parts)
    }
}
