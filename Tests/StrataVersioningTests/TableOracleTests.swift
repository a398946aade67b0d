import Testing

/// The hand-written tables are checked against the oracles too, so that a wrong expectation in a
/// table cannot hide a wrong implementation. A case an oracle cannot judge is listed with why.
@Suite("Table tests agree with the oracles")
struct TableOracleTests {
    static let oracles: [(scheme: String, oracle: String)] = [
        ("debian", "dpkg"), ("rpm", "rpm-lib"), ("apk", "apk"), ("pep440", "pep440"), ("semver", "semver"),
        ("npm", "npm"), ("go", "go"), ("maven", "maven-real"), ("rubygems", "rubygems"), ("nuget", "nuget"),
        ("composer", "composer"), ("cargo", "cargo"),
    ]

    /// Cases outside an oracle's reach, by scheme, with the reason.
    static let beyondOracle: [String: (reason: String, applies: @Sendable (OrderCase) -> Bool)] = [
        "apk": ("univers' Gentoo algorithm has no _cvs/_svn/_git/_hg suffixes",
                { c in ["_cvs", "_svn", "_git", "_hg"].contains { c.lhs.contains($0) || c.rhs.contains($0) } }),
    ]

    @Test(arguments: oracles.map(\.scheme))
    func tableAgreesWithOracle(_ scheme: String) throws {
        let oracle = try #require(Self.oracles.first { $0.scheme == scheme }).oracle
        var cases = try #require(SchemeTables.order[scheme])
        if let skip = Self.beyondOracle[scheme] { cases.removeAll(where: skip.applies) }
        let answers = try Oracle.compare(oracle, cases.map { ($0.lhs, $0.rhs) })
        let expected = ["<": "-1", "=": "0", ">": "1"]
        let wrong = zip(cases, answers).filter { expected[$0.0.op] != $0.1 }.map { "\($0.0) but \(oracle) says \($0.1)" }
        print("\(scheme) table vs \(oracle) — \(cases.count) cases, \(cases.count - wrong.count) agree")
        #expect(wrong.count == 0, "\(wrong.prefix(20))")
    }

    @Test func npmSatisfactionTableAgreesWithNodeSemver() throws {
        let cases = NpmRangeTests.satisfaction
        let answers = try Oracle.compare("npm-range", cases.map { ($0.range, $0.version) })
        let wrong = zip(cases, answers).filter { ($0.0.satisfies ? "1" : "0") != $0.1 }.map { "\($0.0) but node-semver says \($0.1)" }
        print("npm range table vs node-semver — \(cases.count) cases, \(cases.count - wrong.count) agree")
        #expect(wrong.count == 0, "\(wrong.prefix(20))")
    }
}
