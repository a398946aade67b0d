import Foundation
import StrataAnalyzers

/// Fixtures beside these tests, read as bytes.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Fixtures that must not carry their real name in git (`Package.resolved`, which SwiftPM and
    /// .gitignore treat as the build's own) are stored with this suffix and read under their real name.
    static let storedSuffix = ".fixture"

    static func bytes(_ relative: String) throws -> [UInt8] {
        let plain = directory.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: plain.path) { return try [UInt8](Data(contentsOf: plain)) }
        return try [UInt8](Data(contentsOf: directory.appendingPathComponent(relative + storedSuffix)))
    }

    /// Every regular file under `Fixtures/<folder>`, as paths relative to that folder.
    static func files(in folder: String) -> [String] {
        let base = directory.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var out: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            var relative = String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))
            if relative.hasSuffix(storedSuffix) { relative.removeLast(storedSuffix.count) }
            out.append(relative)
        }
        return out.sorted()
    }
}

/// A package reduced to the fields a table row checks: `name@version line relationship`.
func row(_ p: InventoryPackage) -> String {
    "\(p.name)@\(p.version ?? "-") L\(p.location.startLine ?? 0) \(p.relationship.rawValue)\(p.isDevelopment ? " dev" : "")"
}

/// Inputs no parser may crash or hang on.
enum Hostile {
    static var cases: [(String, [UInt8])] {
        [
            ("empty", []),
            ("nul-bytes", [UInt8](repeating: 0, count: 4096)),
            ("invalid-utf8", [0xFF, 0xFE, 0x0A, 0xC3, 0x28, 0x0A, 0xE2, 0x82] + Array("name = \"x\"\n".utf8)),
            ("garbage", Array("{[(\"'\\ ::: @@@ === --- ### ]]] }}} \u{7}\n\t\t\t- - - -\n".utf8)),
            ("deep-brackets", [UInt8](repeating: UInt8(ascii: "["), count: 100_000)),
            ("deep-braces", Array(String(repeating: "{\"a\":", count: 50_000).utf8)),
            ("deep-yaml", Array(String(repeating: "- ", count: 20_000).utf8)),
            ("yaml-alias", Array("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\npackages:\n  /x@1.0.0: *b\n".utf8)),
            ("unclosed-string", Array("\"abc\n[[package]]\nname = \"a\nversion = '1\n".utf8)),
            ("long-line", [UInt8](repeating: UInt8(ascii: "a"), count: 300_000)),
            ("many-lines", Array(String(repeating: "P:x\nV:1\n\n", count: 5_000).utf8)),
            ("truncated-json", Array("{\"packages\": {\"node_modules/a\": {\"version\": \"1.".utf8)),
        ]
    }
}
