import Foundation
import Testing
import _StrataTestSupport

/// `strata image` on images made by real image tools: umoci builds an OCI layout layer by layer
/// (including a whiteout layer), skopeo converts it to a docker-archive and an OCI archive, and
/// skopeo's own reading of the config is the oracle for the layer ids findings name.
@Suite struct ImageCommandTests {
    static let token = "ghp_R7kq2Lw9XzP4mN8vB3cT6yH1jF5dS0aQeU2i"
    static let envToken = "ghp_Zx8Kq3Lm7Np2Rs5Tv9Wy4Ab6Cd1Ef0Gh2Ij7"
    static let buildArgToken = "npm_Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz2Xc4Vb6"

    static func tool(_ name: String) throws -> String {
        let path = "/usr/bin/" + name
        try #require(FileManager.default.isExecutableFile(atPath: path), "\(name) is not installed: run scripts/test, which installs it (scripts/apt-packages.txt)")
        return path
    }

    @discardableResult
    static func sh(_ tool: String, _ args: [String], cwd: String? = nil) throws -> String {
        let r = try ProcessRunner.run(tool, args, cwd: cwd)
        #expect(r.status == 0, "\(tool) \(args): \(r.stderr)")
        return r.stdout
    }

    /// Layer 0 adds app/ with a token in app/.env; layer 1 deletes app/.env (a whiteout), as a
    /// Dockerfile's `RUN rm` would. Returns the OCI layout path (tag `t`).
    static func secretImage(in dir: URL, base: String? = nil) throws -> String {
        let umoci = try tool("umoci")
        let layout = dir.appendingPathComponent("layout").path
        try sh(umoci, ["init", "--layout", layout])
        try sh(umoci, ["new", "--image", layout + ":t"])
        if let base { try sh(umoci, ["insert", "--image", layout + ":t", base, "/"]) }
        let app = dir.appendingPathComponent("src/app")
        try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
        try Data("github_token = \"\(token)\"\n".utf8).write(to: app.appendingPathComponent(".env"))
        try Data("port: 8080\n".utf8).write(to: app.appendingPathComponent("config.yaml"))
        try sh(umoci, ["insert", "--image", layout + ":t", app.path, "/app"])
        try sh(umoci, ["insert", "--image", layout + ":t", "--whiteout", "/app/.env"])
        // A build argument and an ENV value: in the config, not in any layer.
        try sh(umoci, ["config", "--image", layout + ":t", "--config.env", "GH_TOKEN=\(envToken)",
                       "--history.created_by", "RUN |1 NPM_TOKEN=\(buildArgToken) /bin/sh -c npm ci"])
        return layout
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func findings(_ doc: [String: Any]) -> [[String: Any]] {
        ((doc["Results"] as? [[String: Any]]) ?? []).flatMap { ($0["Findings"] as? [[String: Any]]) ?? [] }
    }

    @Test func aDeletedSecretIsFoundInItsLayerInEveryFormat() throws {
        let skopeo = try ImageCommandTests.tool("skopeo")
        let dir = try TestEnvironment.temporaryDirectory("image-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let layout = try ImageCommandTests.secretImage(in: dir)
        let archive = dir.appendingPathComponent("docker.tar").path
        let ociArchive = dir.appendingPathComponent("oci.tar").path
        try ImageCommandTests.sh(skopeo, ["copy", "oci:\(layout):t", "docker-archive:\(archive):example/app:t"])
        try ImageCommandTests.sh(skopeo, ["copy", "oci:\(layout):t", "oci-archive:\(ociArchive):t"])
        try ImageCommandTests.sh("/usr/bin/gzip", ["-k", archive])
        // The oracle: skopeo's view of the config (diff ids, bottom layer first).
        let config = try ImageCommandTests.json(ImageCommandTests.sh(skopeo, ["inspect", "--config", "oci:\(layout):t"]))
        let diffIDs = try #require((config["rootfs"] as? [String: Any])?["diff_ids"] as? [String])
        #expect(diffIDs.count == 2)

        var fingerprints: Set<String> = []
        var configFingerprints: Set<[String]> = []
        for source in [layout, archive, ociArchive, archive + ".gz"] {
            let r = try CLI().run(["image", source, "--scanners", "secret", "--format", "json", "--fail-on", "high"])
            #expect(r.status == 1, "\(source): \(r.stderr)")
            let doc = try ImageCommandTests.json(r.stdout)
            let all = ImageCommandTests.findings(doc)
            let found = all.filter { ($0["Target"] as? String) != "(image config)" }
            #expect(found.map { $0["RuleID"] as? String } == ["github-pat"], "\(source)")
            // The ENV value and the build argument, on the config's lines (ENV first, history after).
            let config = all.filter { ($0["Target"] as? String) == "(image config)" }
                .map { "\($0["RuleID"] as? String ?? ""):\((($0["Location"] as? [String: Any])?["StartLine"] as? Int) ?? 0)" }
            // Line 1 is the one ENV; then one HISTORY line per step: the two layers' and the config's own.
            #expect(Set(config) == ["github-pat:1", "npm-access-token:\(1 + diffIDs.count + 1)"], "\(source): \(config)")
            #expect(!r.stdout.contains(ImageCommandTests.envToken) && !r.stdout.contains(ImageCommandTests.buildArgToken))
            let finding = try #require(found.first)
            #expect((finding["Location"] as? [String: Any])?["Path"] as? String == "app/.env")
            let resource = finding["Resource"] as? [String: Any]
            #expect(resource?["LayerDigest"] as? String == diffIDs[0], "\(source): the secret is in the layer that added it")
            #expect(!r.stdout.contains(ImageCommandTests.token), "the secret is redacted")
            let image = (doc["Artifact"] as? [String: Any])?["Image"] as? [String: Any]
            let layers = (image?["Layers"] as? [[String: Any]]) ?? []
            #expect(layers.compactMap { $0["DiffID"] as? String } == diffIDs)
            #expect((doc["Diagnostics"] as? [[String: Any]] ?? []).isEmpty, "\(source): \(doc["Diagnostics"] ?? "")")
            fingerprints.insert(finding["Fingerprint"] as? String ?? "")
            configFingerprints.insert(all.compactMap { $0["Target"] as? String == "(image config)" ? $0["Fingerprint"] as? String : nil }.sorted())
        }
        #expect(fingerprints.count == 1, "the same secret in the same layer has one fingerprint whatever the format")
        #expect(configFingerprints.count == 1)

        // A baseline made from one format hides the finding in another.
        let first = try CLI().run(["image", layout, "--scanners", "secret", "--format", "json"])
        let baseline = dir.appendingPathComponent("baseline.json")
        try Data(first.stdout.utf8).write(to: baseline)
        let again = try CLI().run(["image", archive, "--scanners", "secret", "--format", "json", "--baseline", baseline.path, "--fail-on", "high"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(ImageCommandTests.findings(try ImageCommandTests.json(again.stdout)).isEmpty)
    }

    @Test func packagesOfADebianImageAreTheSquashedFilesystems() throws {
        let root = try RootfsCommandTests.rootfs()
        let dir = try TestEnvironment.temporaryDirectory("image-debian")
        defer { try? FileManager.default.removeItem(at: dir) }
        let layout = try ImageCommandTests.secretImage(in: dir, base: root)
        let cache = try RootfsCommandTests.database(in: dir)
        let r = try CLI().run(["image", layout, "--list-all-pkgs", "--format", "json", "--cache-dir", cache])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try ImageCommandTests.json(r.stdout)
        let results = (doc["Results"] as? [[String: Any]]) ?? []
        let packages = results.flatMap { ($0["Packages"] as? [[String: Any]]) ?? [] }
        let ours = Set(packages.map { "\($0["Name"] as? String ?? "") \($0["InstalledVersion"] as? String ?? "")" })
        let query = try ProcessRunner.run("/usr/bin/dpkg-query", ["--admindir=\(root)/var/lib/dpkg", "-W", "-f", "${Package} ${Version}\\n"])
        let theirs = Set(query.stdout.split(separator: "\n").map(String.init))
        #expect(theirs.count > 50)
        #expect(ours == theirs, "missing \(theirs.subtracting(ours).sorted().prefix(5)), extra \(ours.subtracting(theirs).sorted().prefix(5))")
        let found = ImageCommandTests.findings(doc)
        #expect(Set(found.compactMap { $0["RuleID"] as? String }) == ["TEST-DEB-1", "github-pat", "npm-access-token"])
        let vuln = try #require(found.first { $0["RuleID"] as? String == "TEST-DEB-1" })
        #expect(((vuln["Resource"] as? [String: Any])?["ImageDigest"] as? String)?.hasPrefix("sha256:") == true)
        let diagnostics = (doc["Diagnostics"] as? [[String: Any]]) ?? []
        #expect(!diagnostics.contains { ($0["Code"] as? String) == "symlink-escape" }, "\(diagnostics.prefix(3))")
        #expect(!diagnostics.contains { ($0["Level"] as? String) == "error" }, "\(diagnostics.prefix(3))")
    }

    @Test func usageErrors() throws {
        let missing = try CLI().run(["image", "registry.local/app:1.4"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("registry"), "\(missing.stderr)")
        let history = try CLI().run(["image", ".", "--git-history"])
        #expect(history.status == 2)
        let dir = try TestEnvironment.temporaryDirectory("image-usage")
        defer { try? FileManager.default.removeItem(at: dir) }
        let notImage = try CLI().run(["image", dir.path])
        #expect(notImage.status == 2, "\(notImage.stderr)")
        #expect(notImage.stderr.contains("neither a docker-archive"), "\(notImage.stderr)")
    }
}
