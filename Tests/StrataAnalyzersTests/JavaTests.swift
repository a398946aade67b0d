import Foundation
import StrataCore
import Testing
import _StrataTestSupport
@testable import StrataAnalyzers

@Suite struct PomXMLTests {
    @Test func fixture() throws {
        let inv = PomXMLParser().parse(try Fixture.bytes("pom-xml/pom.xml"), path: "pom.xml")
        #expect(inv.packages.map(row) == [
            "com.fasterxml.jackson.core:jackson-databind@2.13.4 L37 direct",
            "org.springframework:spring-web@5.3.20 L42 direct",
            "com.example:orders-api@2.3.0 L47 direct",
            "org.yaml:snakeyaml@1.30 L52 direct",
            "junit:junit@4.13.1 L56 direct dev",
            "org.apache.commons:commons-lang3@- L62 direct",
            "com.example:looping@- L67 direct",
            "org.slf4j:slf4j-api@- L72 direct",
            "org.apache.commons:commons-text@1.9 L76 direct",
        ])
        #expect(inv.packages[5].constraint == "[3.8,4.0)")
        #expect(inv.packages[6].constraint?.hasPrefix("${loop.") == true)
        #expect(inv.packages[0].purl?.description == "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.4")
        #expect(inv.diagnostics.map { "\($0.location.startLine ?? 0) \($0.level.rawValue)" } == ["72 warning"])
    }

    @Test(arguments: [
        ("<project><dependencies><dependency><groupId>a</groupId><artifactId>b</artifactId><version>1</version></dependency></dependencies></project>", ["a:b@1 L1 direct"], 0),
        ("<project>\n<version>9</version>\n<dependencies>\n<dependency>\n<groupId>a</groupId>\n<artifactId>b</artifactId>\n<version>${project.version}</version>\n</dependency>\n</dependencies>\n</project>", ["a:b@9 L4 direct"], 0),
        ("<project><properties><v>2</v></properties><dependencies><dependency><groupId>a</groupId><artifactId>b</artifactId><version>${pom.version}${v}</version></dependency></dependencies></project>", ["a:b@- L1 direct"], 0),
        ("<project><dependencies><dependency><artifactId>b</artifactId></dependency></dependencies></project>", [], 1),
        ("<pom/>", [], 1),
        ("<project><dependencies>", [], 1),
        ("<project></dependencies></project>", [], 1),
        ("<!DOCTYPE project [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><project><dependencies><dependency><groupId>&b;</groupId><artifactId>x</artifactId><version>1</version></dependency></dependencies></project>", ["&b;:x@1 L1 direct"], 0),
        ("<project><dependencies><dependency><groupId>a&amp;b</groupId><artifactId>x&#45;y</artifactId><version>1</version></dependency></dependencies></project>", ["a&b:x-y@1 L1 direct"], 0),
        ("", [], 1),
        ("<project><!-- unclosed", [], 1),
    ])
    func cases(xml: String, rows: [String], diagnostics: Int) {
        let inv = PomXMLParser().parse(Array(xml.utf8), path: "pom.xml")
        #expect(inv.packages.map(row) == rows, "\(xml)")
        #expect(inv.diagnostics.count == diagnostics, "\(xml): \(inv.diagnostics)")
        #expect(inv.diagnostics.allSatisfy { $0.location.path == "pom.xml" })
    }

    @Test func deepNesting() {
        let xml = "<project>" + String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000) + "</project>"
        let inv = PomXMLParser().parse(Array(xml.utf8), path: "pom.xml")
        #expect(inv.diagnostics.map(\.code) == [.depthLimit])
    }
}

@Suite struct JavaArchiveTests {
    @Test(arguments: [
        ("app.war", ["com.example:shop@1.0.0", "org.apache.logging.log4j:log4j-core@2.14.1", "org.apache.commons:commons-text@1.9"]),
        ("shaded.jar", ["com.example:tool@3.0", "com.fasterxml.jackson.core:jackson-databind@2.9.10.1"]),
        ("bundle.jar", ["org.slf4j:api@1.7.3"]),
    ])
    func fixtures(file: String, packages: [String]) throws {
        let inv = JavaArchiveParser().parse(try Fixture.bytes("java-archive/" + file), path: "lib/" + file)
        #expect(inv.packages.map { "\($0.name)@\($0.version ?? "-")" } == packages)
        #expect(inv.diagnostics.isEmpty)
        #expect(inv.packages.allSatisfy { $0.location == SourceLocation(path: "lib/" + file) && $0.ecosystem == "Maven" })
    }

    @Test func manifestContinuationLines() {
        let m = JarManifest(Array("Manifest-Version: 1.0\r\nBundle-Description: one\r\n  two\r\nX: y\r\n\r\nName: other\r\nX: z\r\n".utf8))
        #expect(m.attributes["Bundle-Description"] == "one two")
        #expect(m.attributes["X"] == "y")
        #expect(m.attributes["Name"] == nil)
    }

    /// Debian's jars (libmaven3-core-java and its dependencies, from scripts/apt-packages.txt)
    /// against Python's zipfile reading the same pom.properties.
    @Test func debianJarsMatchZipfile() throws {
        let jars = (FileManager.default.enumerator(atPath: "/usr/share/java")?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".jar") }.map { "/usr/share/java/" + $0 }
            .filter { (try? FileManager.default.destinationOfSymbolicLink(atPath: $0)) == nil }.sorted()
        #expect(jars.count >= 20, "install libmaven3-core-java (scripts/apt-packages.txt)")
        let script = RepoPaths.root().appendingPathComponent("scripts/oracles/jar_pom_properties.py").path
        let out = try ProcessRunner.run("/usr/bin/python3", [script] + jars)
        #expect(out.status == 0, "\(out.stderr)")
        var oracle: [String: [String]] = [:]
        for line in out.stdout.split(separator: "\n") {
            let f = line.split(separator: "\t").map(String.init)
            if f.count == 3 { oracle[f[0], default: []].append("\(f[1])@\(f[2])") }
        }
        var compared = 0
        for jar in jars {
            let inv = JavaArchiveParser().parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: jar))), path: jar)
            #expect(inv.diagnostics.isEmpty, "\(jar): \(inv.diagnostics)")
            let ours = inv.packages.map { "\($0.name)@\($0.version ?? "-")" }.sorted()
            if let expected = oracle[jar] {
                #expect(ours == expected.sorted(), "\(jar)")
                compared += expected.count
            } else {
                #expect(ours.count <= 1, "\(jar): manifest fallback gives at most one package")
            }
        }
        #expect(compared >= 20)
        print("Java archives vs Python zipfile: \(compared) pom.properties packages in \(jars.count) Debian jars agree")
    }

    /// Archives written at test time by Python's zipfile: a bomb, traversal names, garbage.
    @Test func hostileArchives() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("strata-jar-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = """
            import sys, zipfile
            d = sys.argv[1]
            with zipfile.ZipFile(d + "/bomb.jar", "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("META-INF/maven/a/b/pom.properties", b"groupId=a\\nartifactId=b\\nversion=1\\n" + b" " * (8 << 20))
                z.writestr("META-INF/maven/c/d/pom.properties", "groupId=c\\nartifactId=d\\nversion=2\\n")
            with zipfile.ZipFile(d + "/traversal.jar", "w") as z:
                z.writestr("../../META-INF/maven/x/y/pom.properties", "groupId=x\\nartifactId=y\\nversion=1\\n")
                z.writestr("/abs/META-INF/maven/x/y/pom.properties", "groupId=x\\nartifactId=y\\nversion=1\\n")
                z.writestr("META-INF/maven/ok/ok/pom.properties", "groupId=ok\\nartifactId=ok\\nversion=1\\n")
            inner = open(d + "/traversal.jar", "rb").read()
            with zipfile.ZipFile(d + "/nested-deep.war", "w") as z:
                z.writestr("WEB-INF/lib/outer.jar", open(d + "/bomb.jar", "rb").read())
            """
        let made = try ProcessRunner.run("/usr/bin/python3", ["-c", script, dir.path])
        #expect(made.status == 0, "\(made.stderr)")
        let parser = JavaArchiveParser(maxEntryBytes: 1 << 20)
        func parse(_ name: String) throws -> Inventory {
            parser.parse([UInt8](try Data(contentsOf: dir.appendingPathComponent(name))), path: name)
        }
        let bomb = try parse("bomb.jar")
        #expect(bomb.packages.map(\.name) == ["c:d"])
        #expect(bomb.diagnostics.map(\.code) == [.fileTooLarge])
        let traversal = try parse("traversal.jar")
        #expect(traversal.packages.map(\.name) == ["ok:ok"])
        let nested = try parse("nested-deep.war")
        #expect(nested.packages.map(\.name) == ["c:d"])
        #expect(nested.diagnostics.map(\.code) == [.fileTooLarge])
        let budget = JavaArchiveParser(maxTotalBytes: 1 << 20).parse([UInt8](try Data(contentsOf: dir.appendingPathComponent("bomb.jar"))), path: "b.jar")
        #expect(budget.diagnostics.map(\.code) == [.fileTooLarge])
        let original = try Fixture.bytes("java-archive/app.war")
        for cut in stride(from: 0, to: original.count, by: 13) {
            let inv = JavaArchiveParser().parse(Array(original.prefix(cut)), path: "app.war")
            #expect(inv.packages.count <= 3)
        }
        #expect(JavaArchiveParser().parse(Array("not a zip".utf8), path: "x.jar").diagnostics.count == 1)
        #expect(JavaArchiveParser(maxBytes: 10).parse(original, path: "x.jar").diagnostics.map(\.code) == [.fileTooLarge])
    }
}
