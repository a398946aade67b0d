import Foundation
import StrataCore
import Testing
import _StrataTestSupport
@testable import StrataAnalyzers

@Suite struct GoModTests {
    @Test func fixture() throws {
        let inv = GoModParser().parse(try Fixture.bytes("go-mod/go.mod"), path: "go.mod")
        #expect(inv.packages.map(row) == [
            "github.com/gin-gonic/gin@v1.9.1 L8 direct", "github.com/sirupsen/logrus@v1.9.3 L9 direct",
            "golang.org/x/net@v0.17.0 L10 indirect", "github.com/quoted/module@v0.1.0 L11 direct",
            "github.com/new/fork@v1.2.0 L12 direct", "gopkg.in/yaml.v3@v3.0.1 L16 indirect",
        ])
        #expect(inv.packages[0].purl?.description == "pkg:golang/github.com/gin-gonic/gin@v1.9.1")
        #expect(inv.diagnostics.isEmpty)
    }

    @Test func unclosedBlockAndBadLines() {
        let inv = GoModParser().parse(Array("module x\nrequire a\nreplace b\nrequire (\n\tc v1.0.0\n".utf8), path: "go.mod")
        #expect(inv.packages.map(\.name) == ["c"])
        #expect(Set(inv.diagnostics.compactMap { $0.location.startLine }) == [2, 3, 4])
    }

    /// The Go oracle fixture, read in place: 26 modules, one indirect.
    @Test func oracleFixture() throws {
        let bytes = try [UInt8](Data(contentsOf: RepoPaths.shared("vulndb/oracle/go-fixture/go.mod")))
        let inv = GoModParser().parse(bytes, path: "go.mod")
        #expect(inv.diagnostics.isEmpty)
        #expect(inv.packages.count == 26)
        #expect(inv.packages.filter { $0.relationship == .indirect }.map(\.name) == ["gopkg.in/yaml.v3"])
        let sys = inv.packages.first { $0.name == "golang.org/x/sys" }
        #expect(sys?.version == "v0.0.0-20220412211240-33da011f77ad")
        let oracle = try JSONSerialization.jsonObject(with: Data(contentsOf: RepoPaths.shared("vulndb/oracle/go-modules.json"))) as? [String: Any]
        let expected = (oracle?["packages"] as? [[String: String]] ?? []).map { "\($0["name"] ?? "")@\($0["version"] ?? "")" }
        #expect(Set(inv.packages.map { "\($0.name)@\($0.version ?? "")" }) == Set(expected))
    }
}

@Suite struct GoSumTests {
    @Test func fixture() throws {
        let inv = GoSumParser().parse(try Fixture.bytes("go-sum/go.sum"), path: "go.sum")
        #expect(inv.packages.map(row) == [
            "github.com/davecgh/go-spew@v1.1.1 L1 unknown", "github.com/gin-gonic/gin@v1.9.1 L3 unknown",
            "golang.org/x/net@v0.10.0 L5 unknown",
        ])
        #expect(inv.diagnostics.isEmpty)
    }

    @Test func badLine() {
        let inv = GoSumParser().parse(Array("a v1 h1:x\nnot a sum line at all\n".utf8), path: "go.sum")
        #expect(inv.packages.count == 1)
        #expect(inv.diagnostics.map { $0.location.startLine } == [2])
    }
}
