import Foundation
import Testing
import _StrataTestSupport
@testable import StrataAnalyzers

/// Real Go binaries built at test time by the Debian Go toolchain (`golang-go`, in
/// scripts/apt-packages.txt), compared with `go version -m`, the toolchain's own reader. The
/// modules come from a local `replace` directory and a vendor directory, so nothing is fetched.
@Suite(.serialized) struct GoBinaryOracleTests {
    static func goTool() -> String? {
        ["/usr/bin/go", "/usr/lib/go/bin/go", "/usr/local/go/bin/go"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("strata-go-\(getpid())")

    /// A module tree: files by relative path.
    static let projects: [(String, [String: String])] = [
        ("local-replace", [
            "dep/go.mod": "module example.com/dep\n\ngo 1.19\n",
            "dep/dep.go": "package dep\n\nfunc Hello() string { return \"hi\" }\n",
            "app/go.mod": "module example.com/app\n\ngo 1.19\n\nrequire example.com/dep v1.2.3\n\nreplace example.com/dep v1.2.3 => ../dep\n",
            "app/main.go": "package main\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/dep\"\n)\n\nfunc main() { fmt.Println(dep.Hello()) }\n",
        ]),
        ("vendored", [
            "app/go.mod": "module example.com/app\n\ngo 1.19\n\nrequire (\n\texample.com/lib v1.4.0\n\texample.com/old v1.0.0\n)\n\nreplace example.com/old v1.0.0 => example.com/new v1.1.0\n",
            "app/vendor/modules.txt": "# example.com/lib v1.4.0\n## explicit; go 1.19\nexample.com/lib\n# example.com/old v1.0.0 => example.com/new v1.1.0\n## explicit; go 1.19\nexample.com/old\n# example.com/old v1.0.0 => example.com/new v1.1.0\n",
            "app/vendor/example.com/lib/lib.go": "package lib\n\nfunc A() int { return 1 }\n",
            "app/vendor/example.com/old/old.go": "package old\n\nfunc B() int { return 2 }\n",
            "app/main.go": "package main\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/lib\"\n\t\"example.com/old\"\n)\n\nfunc main() { fmt.Println(lib.A() + old.B()) }\n",
        ]),
    ]

    func build(_ name: String, _ files: [String: String], go: String, flags: String, extra: [String: String] = [:], output: String) throws -> String {
        let root = Self.scratch.appendingPathComponent(name)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let binary = Self.scratch.appendingPathComponent("bin").appendingPathComponent(output).path
        var env = ["PATH": "/usr/bin:/bin", "HOME": Self.scratch.path, "GOFLAGS": flags, "GOPROXY": "off",
                   "GOCACHE": RepoPaths.root().appendingPathComponent(".cache/go-build").path,
                   "GOPATH": Self.scratch.appendingPathComponent("gopath").path, "GOTOOLCHAIN": "local", "CGO_ENABLED": "0"]
        env.merge(extra) { $1 }
        let out = try ProcessRunner.run(go, ["build", "-o", binary, "."], cwd: root.appendingPathComponent("app").path, environment: env)
        #expect(out.status == 0, "go build \(name): \(out.stderr)")
        return binary
    }

    /// `go version -m` lines reduced to `go <version>`, `mod|dep path version[ => path version]`.
    static func oracleRows(_ output: String) -> [String] {
        var rows: [String] = []
        for line in output.split(separator: "\n") {
            if !line.hasPrefix("\t") {
                rows.append("go " + (line.split(separator: " ").last.map(String.init) ?? ""))
                continue
            }
            let f = line.dropFirst().split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch f[0] {
            case "mod", "dep": rows.append("\(f[0]) \(f[1]) \(f[2])")
            case "=>": rows[rows.count - 1] += " => \(f[1]) \(f[2])"
            default: break
            }
        }
        return rows
    }

    static func ourRows(_ info: GoBuildInfo) -> [String] {
        let modules = GoModuleInfo(info.moduleText)
        func render(_ kind: String, _ m: GoModuleInfo.Module) -> String {
            "\(kind) \(m.path) \(m.version)" + (m.replacement.map { " => \($0.path) \($0.version)" } ?? "")
        }
        return ["go " + info.goVersion] + (modules.main.map { [render("mod", $0)] } ?? []) + modules.deps.map { render("dep", $0) }
    }

    func compare(_ binary: String, go: String) throws -> [String] {
        let oracle = try ProcessRunner.run(go, ["version", "-m", binary])
        #expect(oracle.status == 0, "\(oracle.stderr)")
        let info = try #require(try GoBuildInfo.read([UInt8](Data(contentsOf: URL(fileURLWithPath: binary)))))
        let ours = Self.ourRows(info)
        #expect(ours == Self.oracleRows(oracle.stdout), "\(binary)")
        return ours
    }

    @Test func builtBinariesMatchGoVersionM() throws {
        let go = try #require(Self.goTool(), "Go toolchain missing: apt-get install golang-go (scripts/apt-packages.txt)")
        defer { try? FileManager.default.removeItem(at: Self.scratch) }
        var compared = 0
        for (name, files) in Self.projects {
            let flags = name == "vendored" ? "-mod=vendor" : "-mod=mod"
            let binary = try build(name, files, go: go, flags: flags, output: name)
            let rows = try compare(binary, go: go)
            compared += rows.count
            let inv = GoBinaryParser().parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: binary))), path: "usr/bin/\(name)")
            #expect(inv.diagnostics.isEmpty)
            if name == "vendored" {
                #expect(inv.packages.map { $0.purl?.description ?? "-" }.prefix(3) == [
                    "pkg:golang/example.com/app", "pkg:golang/example.com/lib@v1.4.0", "pkg:golang/example.com/new@v1.1.0"])
            } else {
                #expect(inv.packages.map(row).prefix(2) == ["example.com/app@- L0 unknown", "example.com/dep@v1.2.3 L0 unknown"])
            }
            #expect(inv.packages.last?.name == "stdlib")
            // Truncations of a real binary: packages or a diagnostic, never a trap.
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: binary)))
            for cut in stride(from: 0, to: bytes.count, by: bytes.count / 97) {
                _ = GoBinaryParser().parse(Array(bytes.prefix(cut)), path: "usr/bin/\(name)")
            }
        }
        // A Windows executable (PE) of the vendored project: the inline format found by scanning.
        let exe = try build("vendored", Self.projects[1].1, go: go, flags: "-mod=vendor", extra: ["GOOS": "windows", "GOARCH": "amd64"], output: "vendored.exe")
        compared += try compare(exe, go: go).count
        // And a macOS one (Mach-O, arm64); the cross-built standard library is cached in .cache/go-build.
        let macho = try build("vendored", Self.projects[1].1, go: go, flags: "-mod=vendor", extra: ["GOOS": "darwin", "GOARCH": "arm64"], output: "vendored.macho")
        compared += try compare(macho, go: go).count
        print("Go build info vs go version -m: \(compared) rows from 4 built binaries (ELF, PE, Mach-O) agree")
    }

    /// The synthetic layouts of `GoBinaryBuilder` (both encodings, word sizes, byte orders) are
    /// read the same by `go version -m`, so the builder is a faithful stand-in.
    @Test func syntheticLayoutsMatchGoVersionM() throws {
        let go = try #require(Self.goTool(), "Go toolchain missing: apt-get install golang-go (scripts/apt-packages.txt)")
        let dir = Self.scratch.appendingPathComponent("synthetic")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (i, layout) in [(true, false, true), (true, false, false), (false, true, false), (false, false, true), (true, true, false)].enumerated() {
            let url = dir.appendingPathComponent("b\(i)")
            try Data(GoBinaryBuilder(is64: layout.0, bigEndian: layout.1, inline: layout.2, moduleText: GoBinaryTests.text).build()).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            #expect(try compare(url.path, go: go).count == 5)
        }
    }

    /// The toolchain's own commands are Go binaries from a Debian package: build info without
    /// a main module.
    @Test func toolchainBinaries() throws {
        let go = try #require(Self.goTool(), "Go toolchain missing: apt-get install golang-go (scripts/apt-packages.txt)")
        let real = URL(fileURLWithPath: go).resolvingSymlinksInPath()
        let tools = real.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("pkg/tool")
        var binaries = [real.path]
        if let platforms = try? FileManager.default.contentsOfDirectory(atPath: tools.path) {
            for p in platforms {
                for t in (try? FileManager.default.contentsOfDirectory(atPath: tools.appendingPathComponent(p).path)) ?? [] {
                    binaries.append(tools.appendingPathComponent(p).appendingPathComponent(t).path)
                }
            }
        }
        #expect(binaries.count >= 5)
        for binary in binaries.sorted() { _ = try compare(binary, go: go) }
    }
}
