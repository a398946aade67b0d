import Foundation
import StrataCore
import Testing
import _StrataTestSupport
@testable import StrataAnalyzers

@Suite struct RequirementsTests {
    @Test func fixture() throws {
        let inv = RequirementsParser().parse(try Fixture.bytes("pip-requirements/requirements.txt"), path: "requirements.txt")
        #expect(inv.packages.map { "\($0.name)@\($0.version ?? "-") L\($0.location.startLine ?? 0) \($0.constraint ?? "")" } == [
            "Django@4.2.11 L5 ",
            "requests@2.31.0 L6 ",
            "urllib3@1.26.18 L7 ",
            "Flask_Cors@3.0.8 L8 ",
            "numpy@- L9 >=1.24,<2.0",
            "pandas@- L10 ~=2.1.0",
            "celery@- L11 ==5.3.*",
            "cryptography@41.0.7 L12 ",
            "pip@- L16 https://github.com/pypa/pip/archive/22.0.2.zip",
            "PyYAML@6.0.1 L17 ",
            "attrs@- L19 ",
        ])
        #expect(inv.packages.first { $0.name == "cryptography" }?.location.endLine == 14)
        #expect(inv.includes == ["requirements-base.txt", "constraints.txt"])
        #expect(inv.diagnostics.map { $0.location.startLine } == [15, 18])
        #expect(inv.packages[3].purl?.description == "pkg:pypi/flask-cors@3.0.8")
    }

    @Test(arguments: [
        ("foo==1.0", "1.0"), ("foo === 1.0", "1.0"), ("foo[bar]==2.0;python_version<'3.8'", "2.0"),
        ("foo==1.*", nil), ("foo>=1,<2", nil), ("foo==1.0,!=1.0.1", nil), ("foo (==1.2)", "1.2"),
        ("foo==1.0 --hash=sha256:abc", "1.0"), ("foo", nil),
    ] as [(String, String?)])
    func pins(line: String, version: String?) throws {
        let inv = RequirementsParser().parse(Array(line.utf8), path: "r.txt")
        #expect(inv.diagnostics.isEmpty)
        #expect(try #require(inv.packages.first).version == version)
    }

    @Test(arguments: ["==1.0", "foo==", "foo[bar==1", "foo >= 1 2", "!!!"])
    func malformed(line: String) {
        let inv = RequirementsParser().parse(Array(line.utf8), path: "r.txt")
        #expect(inv.packages.isEmpty)
        #expect(inv.diagnostics.map(\.code) == [.parseError])
    }

    @Test func commentLineDoesNotContinue() {
        let inv = RequirementsParser().parse(Array("# note \\\nfoo==1.0\nbar==2 \\\n  ; python_version > '3'\n".utf8), path: "r")
        #expect(inv.packages.map { "\($0.name)@\($0.version ?? "-") L\($0.location.startLine ?? 0)" } == ["foo@1.0 L2", "bar@2 L3"])
    }

    @Test func commentOnlyAfterWhitespace() {
        #expect(RequirementsParser.stripComment("pkg @ https://x/y#egg=pkg # c") == "pkg @ https://x/y#egg=pkg ")
    }

    /// The oracle fixtures the PyPI matcher is checked against, read in place.
    @Test(arguments: [("requirements-edge-cases.txt", 11), ("requirements-vulnerable.txt", 47)])
    func oracleFixtures(file: String, pinned: Int) throws {
        let url = RepoPaths.shared("vulndb/oracle/" + file)
        let bytes = try [UInt8](Data(contentsOf: url))
        let inv = RequirementsParser().parse(bytes, path: file)
        #expect(inv.diagnostics.isEmpty)
        #expect(inv.packages.count == pinned)
        #expect(inv.packages.allSatisfy { $0.version != nil })
        let expected = try OracleFile.packages(RepoPaths.shared("vulndb/oracle/" + file.replacingOccurrences(of: ".txt", with: ".json")))
        #expect(inv.packages.map { "\($0.name)==\($0.version ?? "")" } == expected)
    }
}

@Suite struct PythonLockTests {
    @Test func poetry() throws {
        let inv = PoetryLockParser().parse(try Fixture.bytes("poetry-lock/poetry.lock"), path: "poetry.lock")
        #expect(inv.packages.map(row) == [
            "certifi@2023.7.22 L3 unknown", "pytest@7.4.0 L15 unknown dev",
            "Requests@2.31.0 L31 unknown", "ruff@0.1.6 L43 unknown dev",
        ])
        #expect(inv.packages[2].purl?.description == "pkg:pypi/requests@2.31.0")
        #expect(inv.diagnostics.isEmpty)
    }

    @Test func uv() throws {
        let inv = UVLockParser().parse(try Fixture.bytes("uv-lock/uv.lock"), path: "uv.lock")
        #expect(inv.packages.map(row) == [
            "anyio@4.6.2.post1 L4 indirect", "httpx@0.27.2 L30 direct", "idna@3.10 L39 indirect",
            "pytest@8.3.3 L44 direct dev", "sniffio@1.3.1 L49 direct",
        ])
        #expect(inv.diagnostics.isEmpty)
    }

    @Test func pipfile() throws {
        let inv = PipfileLockParser().parse(try Fixture.bytes("pipfile-lock/Pipfile.lock"), path: "Pipfile.lock")
        #expect(inv.packages.map(row) == [
            "flask@3.0.0 L19 unknown", "jinja2@3.1.2 L27 unknown", "mylib@- L31 unknown", "pytest@7.4.3 L38 unknown dev",
        ])
        #expect(inv.diagnostics.isEmpty)
    }

    @Test func tomlSyntaxErrorKeepsEarlierPackages() {
        let text = "[[package]]\nname = \"a\"\nversion = \"1\"\n\n[[package]]\nname = \"b\nversion = \"2\"\n"
        let inv = PoetryLockParser().parse(Array(text.utf8), path: "poetry.lock")
        #expect(inv.packages.map(\.name) == ["a"])
        // The syntax error, then the table it left without a name.
        #expect(inv.diagnostics.map { $0.location.startLine } == [6, 5])
    }
}

/// Reads `packages` (name, version) from an oracle JSON file.
enum OracleFile {
    static func packages(_ url: URL) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let list = object?["packages"] as? [[String: String]] ?? []
        return list.map { "\($0["name"] ?? "")==\($0["version"] ?? "")" }
    }
}

@Suite struct PythonMetadataTests {
    @Test(arguments: [
        ("usr/lib/python3/dist-packages/cryptography-38.0.4.dist-info/METADATA", "cryptography@38.0.4 L2 unknown"),
        ("site-packages/legacy_pkg.egg-info/PKG-INFO", "legacy_pkg@0.9.1 L2 unknown"),
    ])
    func fixtures(file: String, expected: String) throws {
        let inv = PythonMetadataParser().parse(try Fixture.bytes("python-metadata/" + file), path: file)
        #expect(inv.packages.map(row) == [expected])
        #expect(inv.diagnostics.isEmpty)
    }

    @Test(arguments: [("Metadata-Version: 2.1\n\nName: x\nVersion: 1\n", nil), ("Name: x\nSummary: s\n", 1)] as [(String, Int?)])
    func missingHeaders(text: String, line: Int?) {
        let inv = PythonMetadataParser().parse(Array(text.utf8), path: "METADATA")
        #expect(inv.packages.isEmpty)
        #expect(inv.diagnostics.map { $0.location.startLine } == [line ?? 1])
    }

    /// The oracle's installed distributions (`pypi-site-packages.json`), each written as the
    /// METADATA pip would install, read back with the same name and version.
    @Test func oracleSitePackages() throws {
        let object = try JSONSerialization.jsonObject(
            with: Data(contentsOf: RepoPaths.shared("vulndb/oracle/pypi-site-packages.json"))) as? [String: Any]
        let packages = try #require(object?["packages"] as? [[String: String]])
        #expect(packages.count == 129)
        for entry in packages {
            let name = entry["name"] ?? "", version = entry["version"] ?? ""
            let text = "Metadata-Version: 2.1\nName: \(name)\nVersion: \(version)\nSummary: s\n\nbody\n"
            let path = "lib/python3.11/site-packages/\(name)-\(version).dist-info/METADATA"
            #expect(AnalyzerRegistry.builtin.analyzers(for: path).map(\.id) == ["python-metadata"])
            let inv = PythonMetadataParser().parse(Array(text.utf8), path: path)
            #expect(inv.packages.map { "\($0.name)==\($0.version ?? "")" } == ["\(name)==\(version)"])
        }
    }
}

/// The machine's Debian Python packages, read in place, against `importlib.metadata`.
@Suite struct PythonRealSitePackagesTests {
    static let directory = "/usr/lib/python3/dist-packages"
    static let available = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        && FileManager.default.fileExists(atPath: directory)

    @Test(.enabled(if: available))
    func matchesImportlibMetadata() throws {
        let script = "import importlib.metadata as m\nfor d in m.distributions(path=['\(Self.directory)']): print(d.metadata['Name'] + '==' + d.version)"
        let oracle = try ProcessRunner.run("/usr/bin/python3", ["-c", script])
        #expect(oracle.status == 0)
        let expected = oracle.stdout.split(separator: "\n").map(String.init).sorted()
        var actual: [String] = []
        for entry in try FileManager.default.contentsOfDirectory(atPath: Self.directory) {
            let file = entry.hasSuffix(".dist-info") ? "\(entry)/METADATA" : entry.hasSuffix(".egg-info") ? "\(entry)/PKG-INFO" : nil
            guard let file, let data = FileManager.default.contents(atPath: "\(Self.directory)/\(file)") else { continue }
            let path = "usr/lib/python3/dist-packages/" + file
            #expect(AnalyzerRegistry.builtin.analyzers(for: path).map(\.id) == ["python-metadata"])
            let inv = PythonMetadataParser().parse([UInt8](data), path: path)
            #expect(inv.diagnostics.isEmpty, "\(file)")
            actual += inv.packages.map { "\($0.name)==\($0.version ?? "")" }
        }
        #expect(!expected.isEmpty)
        #expect(actual.sorted() == expected)
    }
}
