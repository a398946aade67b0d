import Foundation
import StrataArtifact
import StrataCore
import Testing
import _StrataTestSupport

/// Images written by `Fixtures/make_image.py` in each local format, unpacked layer by layer and
/// squashed: hostile member names stay inside, whiteouts and opaque directories apply, and
/// digests are checked.
@Suite struct ContainerImageTests {
    typealias Member = [String: String]

    static func make(_ layers: [[Member]], format: String, gzip: Bool = true, corrupt: Int? = nil, in dir: URL) throws -> String {
        var spec: [String: Any] = ["layers": layers, "gzip": gzip]
        if let corrupt { spec["corrupt_layer"] = corrupt }
        let specFile = dir.appendingPathComponent("spec.json")
        try JSONSerialization.data(withJSONObject: spec).write(to: specFile)
        let out = dir.appendingPathComponent(format == "oci" ? "layout" : "image.tar").path
        let script = RepoPaths.root().appendingPathComponent("Tests/StrataArtifactTests/Fixtures/make_image.py").path
        let r = try ProcessRunner.run("/usr/bin/python3", [script, specFile.path, out, format])
        #expect(r.status == 0, "\(r.stderr)")
        return out
    }

    static func read(_ path: String) -> String? {
        (try? String(contentsOfFile: path, encoding: .utf8))
    }

    static let hostileLayer: [Member] = [
        ["name": "../escape.txt", "data": "out"],
        ["name": "a/../../escape2.txt", "data": "out"],
        ["name": "/abs.txt", "data": "absolute"],
        ["name": "lnk", "type": "symlink", "link": "/etc"],
        ["name": "lnk/passwd", "data": "through the link"],
        ["name": "file", "data": "x"],
        ["name": "file/child", "data": "under a file"],
        ["name": "hard-out", "type": "hardlink", "link": "../../etc/passwd"],
        ["name": "hard-ok", "type": "hardlink", "link": "abs.txt"],
        ["name": "dup.txt", "data": "first"],
        ["name": "dup.txt", "data": "second"],
    ]

    @Test(arguments: ["docker-archive", "oci", "oci-tar"])
    func hostileNamesStayInsideTheLayer(format: String) throws {
        let dir = try TestEnvironment.temporaryDirectory("image-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try ContainerImageTests.make([ContainerImageTests.hostileLayer], format: format, in: dir)
        let work = dir.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: false)
        let image = try ContainerImage.unpack(source, workDirectory: work.path)
        let layer = try #require(image.layers.first)
        #expect(ContainerImageTests.read(layer.directory + "/abs.txt") == "absolute")
        #expect(ContainerImageTests.read(layer.directory + "/hard-ok") == "absolute")
        #expect(ContainerImageTests.read(layer.directory + "/dup.txt") == "second")
        #expect(!FileManager.default.fileExists(atPath: work.path + "/escape.txt"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/escape.txt"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/escape2.txt"))
        // Symlinks are recorded, not created, so nothing in the layer directory points out of it.
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: layer.directory + "/lnk")) == nil)
        let codes = image.diagnostics.map(\.code)
        #expect(codes.filter { $0 == .pathTraversal }.count == 2, "\(image.diagnostics)")
        #expect(codes.contains(.symlinkEscape) && codes.contains(.notADirectory) && codes.contains(.fileNotFound), "\(image.diagnostics)")
        #expect(!codes.contains(.digestMismatch))
        #expect(image.description.layers.first?.diffID?.hasPrefix("sha256:") == true)
    }

    @Test(arguments: ["docker-archive", "oci"], [true, false])
    func squashAppliesWhiteoutsAndOpaqueDirectories(format: String, gzip: Bool) throws {
        let dir = try TestEnvironment.temporaryDirectory("image-squash")
        defer { try? FileManager.default.removeItem(at: dir) }
        let layers: [[Member]] = [
            [["name": "etc/secret.env", "data": "token"], ["name": "dir/x", "data": "old x"], ["name": "dir/y", "data": "y"],
             ["name": "opq/p", "data": "p"], ["name": "gone/deep/z", "data": "z"], ["name": "bin", "type": "symlink", "link": "usr/bin"]],
            [["name": "etc/.wh.secret.env"], ["name": "dir/x", "data": "new x"], ["name": "opq/.wh..wh..opq"], ["name": "opq/q", "data": "q"],
             ["name": "gone/.wh.deep"]],
        ]
        let source = try ContainerImageTests.make(layers, format: format, gzip: gzip, in: dir)
        let work = dir.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: false)
        let image = try ContainerImage.unpack(source, workDirectory: work.path)
        #expect(image.diagnostics.isEmpty, "\(image.diagnostics)")
        #expect(image.layers.count == 2)
        // The deleted file is still in layer 0, where a secret scan looks for it.
        #expect(ContainerImageTests.read(image.layers[0].directory + "/etc/secret.env") == "token")
        let root = work.appendingPathComponent("rootfs").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false)
        let squash = image.squash(into: root)
        #expect(squash.diagnostics.isEmpty, "\(squash.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: root + "/etc/secret.env"))
        #expect(ContainerImageTests.read(root + "/dir/x") == "new x")
        #expect(ContainerImageTests.read(root + "/dir/y") == "y")
        #expect(!FileManager.default.fileExists(atPath: root + "/opq/p"))
        #expect(ContainerImageTests.read(root + "/opq/q") == "q")
        #expect(!FileManager.default.fileExists(atPath: root + "/gone/deep"))
        #expect(FileManager.default.fileExists(atPath: root + "/gone"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/bin")) == "usr/bin")
        #expect(squash.owner[Array("dir/x".utf8)] == 1 && squash.owner[Array("dir/y".utf8)] == 0)
    }

    @Test(arguments: ["docker-archive", "oci"])
    func aCorruptLayerIsReportedAndTheRestScanned(format: String) throws {
        let dir = try TestEnvironment.temporaryDirectory("image-corrupt")
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = String(repeating: "0123456789abcdef", count: 200)
        let layers: [[Member]] = [[["name": "a.txt", "data": "a"]], [["name": "b.txt", "data": big]]]
        let source = try ContainerImageTests.make(layers, format: format, gzip: false, corrupt: 1, in: dir)
        let work = dir.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: false)
        let image = try ContainerImage.unpack(source, workDirectory: work.path)
        #expect(image.diagnostics.contains { $0.code == .digestMismatch && $0.reason.contains("diff id") }, "\(image.diagnostics)")
        #expect(ContainerImageTests.read(image.layers[0].directory + "/a.txt") == "a")
        #expect(FileManager.default.fileExists(atPath: image.layers[1].directory + "/b.txt"))
    }

    /// A pax name of 400,000 components (800 KB) is refused at once, with a message of bounded
    /// length, and the next member is still unpacked.
    @Test func aMegabyteNameIsRefusedQuickly() throws {
        let dir = try TestEnvironment.temporaryDirectory("image-longname")
        defer { try? FileManager.default.removeItem(at: dir) }
        let layers: [[Member]] = [[["name": String(repeating: "a/", count: 400_000) + "f", "data": "x"], ["name": "ok.txt", "data": "fine"]]]
        let source = try ContainerImageTests.make(layers, format: "oci", gzip: false, in: dir)
        let work = dir.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: false)
        let image = try ContainerImage.unpack(source, workDirectory: work.path)
        #expect(ContainerImageTests.read(image.layers[0].directory + "/ok.txt") == "fine")
        #expect(!FileManager.default.fileExists(atPath: image.layers[0].directory + "/a"), "no directories made for the refused name")
        let refused = try #require(image.diagnostics.first { $0.code == .fileTooLarge }, "\(image.diagnostics.map(\.reason.count))")
        #expect(refused.reason.count < 400 && refused.reason.contains("800001 bytes"), "\(refused.reason.prefix(300))")
    }

    @Test func malformedImagesFailClearly() throws {
        let dir = try TestEnvironment.temporaryDirectory("image-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let work = dir.appendingPathComponent("work")
        let cases: [(String, [String: String], String)] = [
            ("neither", ["x.txt": "x"], "neither a docker-archive"),
            ("digest path", ["index.json": #"{"manifests":[{"digest":"sha256:../../../../etc/passwd"}]}"#], "not a sha256"),
            ("bad json", ["manifest.json": "[{"], "not valid JSON"),
            ("layer outside", ["manifest.json": #"[{"Config":"c.json","Layers":["../../etc/passwd"]}]"#, "c.json": "{}"], "no file"),
            ("deep index", ["index.json": #"{"manifests":[]}"#], "no manifests"),
        ]
        for (label, files, reason) in cases {
            let layout = dir.appendingPathComponent(label)
            for (name, text) in files {
                try FileManager.default.createDirectory(at: layout, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: layout.appendingPathComponent(name))
            }
            try? FileManager.default.removeItem(at: work)
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: false)
            do {
                let image = try ContainerImage.unpack(layout.path, workDirectory: work.path)
                // A layer that cannot be read is a diagnostic, not a failed scan.
                #expect(image.diagnostics.contains { $0.reason.contains(reason) }, "\(label): \(image.diagnostics)")
            } catch {
                #expect(error.reason.contains(reason), "\(label): \(error.reason)")
            }
        }
        let notTar = dir.appendingPathComponent("not.tar")
        try Data("plain text, not an archive".utf8).write(to: notTar)
        #expect(throws: StrataError.self) { try ContainerImage.unpack(notTar.path, workDirectory: work.path) }
    }
}
