/// `META-INF/MANIFEST.MF` main attributes: `Name: value` lines, a line starting with one space
/// continuing the previous value, the main section ending at the first blank line.
struct JarManifest: Equatable {
    var attributes: [String: String] = [:]

    init(_ bytes: [UInt8]) {
        var last: String?
        for raw in String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty { break }
            if line.hasPrefix(" "), let key = last {
                attributes[key, default: ""] += line.dropFirst()
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon]).trimmingSpaces
            attributes[key] = String(line[line.index(after: colon)...]).trimmingSpaces
            last = key
        }
    }

    /// Maven coordinates from the attributes packaging tools write: the Implementation-*
    /// triple, else the OSGi bundle name split at its last dot (`org.slf4j.api` → `org.slf4j`,
    /// `api`, as bundle names usually join group and artifact). OSGi directives after `;` are cut.
    var coordinates: (group: String, artifact: String, version: String)? {
        if let g = attributes["Implementation-Vendor-Id"], let a = attributes["Implementation-Title"],
           let v = attributes["Implementation-Version"], !g.isEmpty, !a.contains(" "), !a.isEmpty, !v.isEmpty {
            return (g, a, v)
        }
        guard let bundle = attributes["Bundle-SymbolicName"]?.split(separator: ";").first.map({ String($0).trimmingSpaces }),
              let version = attributes["Bundle-Version"], !version.isEmpty,
              let dot = bundle.lastIndex(of: "."), dot != bundle.startIndex else { return nil }
        let artifact = String(bundle[bundle.index(after: dot)...])
        return artifact.isEmpty ? nil : (String(bundle[..<dot]), artifact, version)
    }
}

extension String {
    var trimmingSpaces: String {
        let s = drop { $0 == " " || $0 == "\t" }
        return String(s.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
