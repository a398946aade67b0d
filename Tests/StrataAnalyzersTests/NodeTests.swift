import StrataCore
import Testing
@testable import StrataAnalyzers

@Suite struct PackageLockTests {
    @Test func v3() throws {
        let inv = PackageLockParser().parse(try Fixture.bytes("npm-package-lock/v3/package-lock.json"), path: "package-lock.json")
        #expect(inv.packages.map(row) == [
            "@types/node@20.10.4 L19 direct", "express@4.18.2 L28 direct", "debug@2.6.9 L35 indirect",
            "debug@4.3.4 L39 indirect", "jest@29.7.0 L42 direct dev", "left-pad@1.3.0 L46 direct",
            "left-pad@1.1.3 L49 direct", "tiny@0.1.0 L52 indirect",
        ])
        #expect(inv.packages[0].purl?.description == "pkg:npm/%40types/node@20.10.4")
        #expect(inv.diagnostics.isEmpty)
    }

    @Test func v1() throws {
        let inv = PackageLockParser().parse(try Fixture.bytes("npm-package-lock/v1/package-lock.json"), path: "package-lock.json")
        #expect(inv.packages.map(row) == [
            "@babel/code-frame@7.12.13 L7 unknown dev", "lodash@4.17.15 L18 unknown",
            "mkdirp@0.5.1 L22 unknown", "minimist@0.0.8 L28 unknown",
        ])
    }

    @Test(arguments: [
        ("node_modules/a", "a"), ("node_modules/@s/b", "@s/b"), ("node_modules/a/node_modules/@s/b", "@s/b"), ("x", "x"),
    ])
    func installPath(key: String, name: String) {
        #expect(PackageLockParser.name(fromInstallPath: key) == name)
    }

    @Test(arguments: [
        ("{\"packages\": {\"node_modules/a\": {\"version\": 1}}}", 1, StrataError.Code?.none),
        ("[1, 2]", 1, .parseError),
        ("{\"a\": }", 1, .parseError),
        ("{\n\"a\": \"\\ud800\"}", 2, .parseError),
        ("{\"a\": 1} x", 1, .parseError),
    ] as [(String, Int, StrataError.Code?)])
    func badInput(text: String, line: Int, code: StrataError.Code?) {
        let inv = PackageLockParser().parse(Array(text.utf8), path: "p")
        #expect(inv.packages.isEmpty)
        #expect(inv.diagnostics.first?.location.startLine == line)
        if let code { #expect(inv.diagnostics.first?.code == code) }
    }
}

@Suite struct YarnLockTests {
    @Test func classic() throws {
        let inv = YarnLockParser().parse(try Fixture.bytes("yarn-lock/classic/yarn.lock"), path: "yarn.lock")
        #expect(inv.packages.map(row) == [
            "@babel/code-frame@7.12.13 L5 unknown", "js-tokens@4.0.0 L12 unknown", "lodash@4.17.20 L16 unknown", "strip-ansi@6.0.1 L23 unknown",
        ])
        #expect(inv.diagnostics.isEmpty)
    }

    @Test func berry() throws {
        let inv = YarnLockParser().parse(try Fixture.bytes("yarn-lock/berry/yarn.lock"), path: "yarn.lock")
        #expect(inv.packages.map(row) == [
            "@types/node@20.10.4 L8 unknown", "resolve@1.22.8 L23 unknown", "undici-types@5.26.5 L35 unknown", "string-width@4.2.3 L41 unknown",
        ])
        #expect(inv.diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("@babel/core@^7.0.0", "@babel/core"), ("a@npm:1", "a"), ("a", "a"), ("@x", "@x"),
        ("string-width-cjs@npm:string-width@^4.2.0", "string-width"), ("al@npm:@s/real@^1", "@s/real"),
        ("@types/node@npm:20.10.4", "@types/node"),
    ])
    func descriptorName(descriptor: String, name: String) {
        #expect(YarnLockParser.packageName(descriptor) == name)
    }
}

@Suite struct PnpmLockTests {
    @Test(arguments: [
        ("v9", ["@types/react@18.2.45 L24 direct", "loose-envify@1.4.0 L27 indirect",
                "react-dom@18.2.0 L31 direct", "typescript@5.3.3 L36 direct dev", "ts-helper@1.0.0 L41 indirect dev"]),
        ("v6", ["@babel/core@7.23.6 L15 direct", "@types/node@20.10.4 L20 indirect dev", "vitest@1.0.4 L24 direct dev"]),
        ("v5", ["lodash@4.17.21 L15 direct", "@vue/compiler-sfc@3.2.47 L19 direct dev", "source-map-js@1.0.2 L23 indirect dev"]),
    ])
    func versions(folder: String, expected: [String]) throws {
        let inv = PnpmLockParser().parse(try Fixture.bytes("pnpm-lock/\(folder)/pnpm-lock.yaml"), path: "pnpm-lock.yaml")
        #expect(inv.packages.map(row) == expected)
        #expect(inv.diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("/lodash/4.17.21", "lodash", "4.17.21"), ("/@vue/compiler-sfc/3.2.47_vue@3.2.47", "@vue/compiler-sfc", "3.2.47"),
        ("/@babel/core@7.23.6", "@babel/core", "7.23.6"), ("/vitest@1.0.4(@types/node@20.10.4)", "vitest", "1.0.4"),
        ("@types/react@18.2.45", "@types/react", "18.2.45"),
    ])
    func keys(key: String, name: String, version: String) throws {
        let split = try #require(PnpmLockParser.split(key))
        #expect(split.0 == name)
        #expect(split.1 == version)
    }

    @Test func aliasesRefused() {
        let inv = PnpmLockParser().parse(Array("a: &x [1]\nb: *x\n".utf8), path: "pnpm-lock.yaml")
        #expect(inv.diagnostics.map(\.code) == [.yamlAliasLimit])
        #expect(inv.diagnostics.first?.location.startLine == 1)
    }
}
