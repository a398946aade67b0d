import Testing
@testable import StrataArtifact

@Suite struct GlobTests {
    @Test(arguments: [
        ("*.yaml", "a.yaml", true),
        ("*.yaml", "dir/a.yaml", false),
        ("**/*.yaml", "a.yaml", true),
        ("**/*.yaml", "x/y/z/a.yaml", true),
        ("a/**/b", "a/b", true),
        ("a/**/b", "a/x/y/b", true),
        ("a/**", "a/x/y", true),
        ("a/**", "b/x", false),
        ("?.txt", "a.txt", true),
        ("?.txt", "ab.txt", false),
        ("[abc].go", "b.go", true),
        ("[!abc].go", "b.go", false),
        ("[a-z]*.py", "main.py", true),
        ("[a-z]*.py", "Main.py", false),
        ("STRATA-K8S-*", "STRATA-K8S-0001", true),
        ("STRATA-K8S-*", "STRATA-TF-0001", false),
        ("\\*.md", "*.md", true),
        ("\\*.md", "a.md", false),
        ("vendor", "vendor", true),
        ("**/vendor", "a/vendor", true),
        ("ünï/*.txt", "ünï/ç.txt", true),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected, "\(pattern) vs \(path)")
    }

    @Test func pathologicalPatternTerminatesQuickly() {
        // Exponential for naive backtracking; the memo keeps it polynomial.
        let pattern = String(repeating: "*a", count: 30) + "b"
        let text = String(repeating: "a", count: 200)
        #expect(!Glob(pattern).matches(text))
    }

    @Test func unterminatedClassIsALiteral() {
        #expect(Glob("[abc").matches("[abc"))
    }

    /// The byte shortcuts (`**/name`, `**/*.ext`, `dir/**`, `id-*`, literals) give the general matcher's answer on
    /// every pattern × path pair, including segment boundaries, empty segments and non-ASCII names.
    @Test(arguments: ["**/go.sum", "**/*.svg", "**/*", "go.sum", "a/b.txt", "**/ünï.txt", "**/*ï.txt",
                      "**/.env", "**/*.", "**/sum", "**/\\*.md", "**/a/b", "*.svg", "**",
                      "a/**", "a/b/**", "ünï/**", "a**", "a/*", "*", "go*", "a/b*", "ünï*", "\\*", "a\\*"])
    func shortcutsAgreeWithTheGeneralMatcher(pattern: String) {
        let glob = Glob(pattern)
        let paths = ["go.sum", "a/go.sum", "a/b/go.sum", "ago.sum", "a/xgo.sum", "go.sum/x", "", "/", "a/",
                     "x.svg", "a/x.svg", ".svg", "a/.svg", "a.svg/b", "svg", "a/b.txt", "a/b.txtx", "x/a/b.txt",
                     "ünï.txt", "d/ünï.txt", "dünï.txt", "d/xï.txt", ".env", "a/.env", "a.env", "*.md", "a/*.md",
                     "a.md", "sum", "a/sum", "x.", "a/x.", "a/b", "c/a/b",
                     "a", "a/b/c", "ab", "a/b/", "aws-key", "go.mod", "gox/y", "ünï/x", "ünï/x/y", "ünïx", "*", "a*", "a*/b"]
        for path in paths {
            #expect(glob.matches(path) == glob.matchesScalars(path), "\(pattern) vs \(path)")
        }
    }
}

@Suite struct GitignoreTests {
    static let rules = """
        # build output
        /build
        *.log
        !keep.log
        docs/*.tmp
        cache/
        """

    @Test(arguments: [
        ("build", true, true),
        ("src/build", true, false),
        ("a.log", false, true),
        ("deep/x/a.log", false, true),
        ("keep.log", false, false),
        ("docs/a.tmp", false, true),
        ("docs/sub/a.tmp", false, false),
        ("cache", true, true),
        ("cache", false, false),
        ("src/main.swift", false, false),
    ])
    func rootRules(path: String, isDirectory: Bool, ignored: Bool) {
        let stack = GitignoreStack().pushing(Gitignore(text: GitignoreTests.rules, base: ""))
        #expect(stack.isIgnored(path: path, isDirectory: isDirectory) == ignored, "\(path)")
    }

    @Test func nestedFileIsAnchoredAtItsDirectory() {
        let stack = GitignoreStack()
            .pushing(Gitignore(text: "*.tmp", base: ""))
            .pushing(Gitignore(text: "/gen\n!important.tmp", base: "sub"))
        #expect(stack.isIgnored(path: "sub/gen", isDirectory: true))
        #expect(!stack.isIgnored(path: "gen", isDirectory: true))
        #expect(!stack.isIgnored(path: "sub/important.tmp", isDirectory: false))
        #expect(stack.isIgnored(path: "other/important.tmp", isDirectory: false))
    }
}
