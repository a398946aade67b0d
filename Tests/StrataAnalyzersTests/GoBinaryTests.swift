import Foundation
import StrataCore
import Testing
import _StrataTestSupport
@testable import StrataAnalyzers

@Suite struct GoBinaryTests {
    static let text = """
        path\texample.com/app/cmd/app
        mod\texample.com/app\t(devel)\t
        dep\tgithub.com/google/uuid\tv1.3.0\th1:t6JiXgmwXMjEs8VusXIJk2BXHsn+wx8BZdTaoZ5fu7I=
        dep\tgolang.org/x/text\tv0.3.7\th1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=
        =>\tgolang.org/x/text\tv0.14.0\th1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=
        dep\texample.com/local\tv0.0.0\t
        =>\t../local\t\t
        build\t-compiler=gc
        build\tGOOS=linux

        """
    static let expectedRows = [
        "example.com/app@- L0 unknown", "github.com/google/uuid@v1.3.0 L0 unknown", "golang.org/x/text@v0.14.0 L0 unknown",
        "example.com/local@v0.0.0 L0 unknown", "stdlib@v1.21.5 L0 unknown",
    ]

    /// Both encodings, both word sizes and byte orders, with and without a section table.
    @Test(arguments: [
        (true, false, true, true), (true, false, false, true), (false, true, false, true),
        (false, false, true, true), (true, true, true, true), (true, false, true, false), (false, true, true, false),
    ])
    func layouts(is64: Bool, bigEndian: Bool, inline: Bool, withSections: Bool) throws {
        let bytes = GoBinaryBuilder(is64: is64, bigEndian: bigEndian, inline: inline, moduleText: Self.text, withSections: withSections).build()
        let inv = GoBinaryParser().parse(bytes, path: "usr/bin/app")
        if !inline && !withSections {
            // The pointer format needs the segments, which are present; only the section is not.
            #expect(inv.packages.map(row) == Self.expectedRows)
            return
        }
        #expect(inv.diagnostics.isEmpty, "\(inv.diagnostics)")
        #expect(inv.packages.map(row) == Self.expectedRows)
        #expect(inv.packages.map { $0.purl?.description ?? "-" }.last == "pkg:golang/stdlib@v1.21.5")
        #expect(inv.packages.dropFirst(2).first?.purl?.description == "pkg:golang/golang.org/x/text@v0.14.0")
        #expect(inv.packages.first?.constraint == "(devel)")
        #expect(inv.packages.allSatisfy { $0.location == SourceLocation(path: "usr/bin/app") && $0.ecosystem == "Go" })
    }

    /// The committed fixture is exactly what the builder writes (so it can be regenerated).
    @Test func fixtureIsReproducible() throws {
        let bytes = try Fixture.bytes("go-binary/usr/local/bin/app")
        #expect(bytes == GoBinaryBuilder(moduleText: Self.text).build())
    }

    @Test(arguments: [
        ("go1.21.5", "v1.21.5"), ("go1.20", "v1.20.0"), ("go1.22.1 X:boringcrypto", "v1.22.1"),
        ("go1.21rc2", nil), ("devel go1.22-abc", nil), ("", nil), ("go", nil), ("go1.", nil),
    ] as [(String, String?)])
    func stdlibVersions(go: String, expected: String?) {
        #expect(GoBinaryParser.stdlibVersion(go) == expected)
    }

    @Test(arguments: [
        ("mod\tm\tv1.0.0\t\n=>\t../m\t\t\n", "m v1.0.0 => ../m ", [Int]()),
        ("dep\n", "", [1]),
        ("=>\tx\tv1\t\n", "", [1]),
        ("weird line\nbuild\tX=1\npath\n", "", [1, 3]),
        ("dep\tx\tv1\nmod\n", "x v1", [2]),
    ])
    func moduleText(text: String, rendered: String, malformed: [Int]) {
        let info = GoModuleInfo(text)
        let modules = (info.main.map { [$0] } ?? []) + info.deps
        #expect(modules.map { "\($0.path) \($0.version)" + ($0.replacement.map { " => \($0.path) \($0.version)" } ?? "") }.joined(separator: ";") == rendered)
        #expect(info.malformedLines == malformed)
    }

    @Test(arguments: [
        ("not an executable", Array("#!/bin/sh\necho hi\n".utf8), 0),
        ("ELF without build info", GoBinaryBuilder(moduleText: "").build().map { $0 == 0xFF ? 0xFE : $0 }, 0),
        ("truncated ELF header", Array(GoBinaryBuilder().build().prefix(20)), 1),
        ("section table past the end", Array(GoBinaryBuilder(moduleText: Self.text).build().dropLast(40)), 1),
        ("PE stub only", Array("MZ".utf8) + [UInt8](repeating: 0, count: 100), 0),
    ])
    func hostile(name: String, bytes: [UInt8], diagnostics: Int) {
        let inv = GoBinaryParser().parse(bytes, path: "bin/x")
        #expect(inv.packages.isEmpty, "\(name)")
        #expect(inv.diagnostics.count == diagnostics, "\(name): \(inv.diagnostics)")
        #expect(inv.diagnostics.allSatisfy { $0.location.path == "bin/x" })
    }

    @Test func sizeCap() {
        let inv = GoBinaryParser(maxBytes: 100).parse(GoBinaryBuilder(moduleText: Self.text).build(), path: "bin/x")
        #expect(inv.diagnostics.map(\.code) == [.fileTooLarge])
    }

    /// Every truncation and every corrupted 64-byte window of a synthetic binary in both formats
    /// ends in packages or a diagnostic, never a trap.
    @Test(arguments: [true, false])
    func corruption(inline: Bool) {
        let original = GoBinaryBuilder(inline: inline, moduleText: Self.text).build()
        for cut in stride(from: 0, to: original.count, by: 7) {
            let inv = GoBinaryParser().parse(Array(original.prefix(cut)), path: "bin/x")
            #expect(inv.packages.count <= Self.expectedRows.count)
        }
        for start in stride(from: 0, to: original.count, by: 16) {
            var bytes = original
            for i in start..<min(start + 64, bytes.count) { bytes[i] = UInt8(truncatingIfNeeded: i &* 131) }
            _ = GoBinaryParser().parse(bytes, path: "bin/x")
        }
    }
}
