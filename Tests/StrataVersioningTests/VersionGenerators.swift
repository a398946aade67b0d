/// Generators of valid, collision-prone version strings per scheme: small alphabets so that
/// equal, nearly equal and tricky pairs come up often.
enum VersionGenerators {
    typealias Make = @Sendable (inout SeededGenerator) -> String

    static func number(_ g: inout SeededGenerator, leadingZeros: Bool = false) -> String {
        let value = String(g.pick([0, 0, 1, 1, 2, 3, 9, 10, 11, 100, 20240101]))
        return leadingZeros && g.chance(0.1) ? "0" + value : value
    }

    static let debian: Make = { g in
        let epoch = g.chance(0.2) ? "\(g.int(0...2)):" : ""
        var upstream = number(&g, leadingZeros: true)
        for _ in 0..<g.int(0...4) {
            upstream += g.pick([".", ".", "+", "~", "", "~~"]) + g.pick([number(&g, leadingZeros: true), "a", "b", "rc", "z", "dfsg", "git"])
        }
        if upstream.last == "~" || upstream.last == "+" { upstream += "1" }
        if !epoch.isEmpty, g.chance(0.2) { upstream += ":" + number(&g) }
        if g.chance(0.1) { upstream += "-" + g.pick(["1", "a", "rc1"]) }
        guard g.chance(0.6) else { return epoch + upstream + (upstream.contains("-") ? "-1" : "") }
        let revision = number(&g) + (g.chance(0.5) ? g.pick(["ubuntu1", "+deb12u1", "~bpo1", ".1", "build2", "+b1", "~", "a"]) : "")
        return epoch + upstream + "-" + revision
    }

    static let rpm: Make = { g in
        let epoch = g.chance(0.2) ? "\(g.int(0...2)):" : ""
        let segment: @Sendable (inout SeededGenerator) -> String = { g in
            g.pick([number(&g, leadingZeros: true), "a", "b", "rc", "el", "git", "fc"])
        }
        var version = segment(&g)
        for _ in 0..<g.int(0...3) { version += g.pick([".", ".", "_", "+", "~", "^", "", "~~", "^^"]) + segment(&g) }
        let release = g.chance(0.8)
            ? "-" + number(&g) + g.pick(["", ".el8", ".el8_4", ".el9", "~rc", "^post", ".module+el8.1.0+123+abc"]) : ""
        return epoch + version + release
    }

    /// Suffixes limited to Gentoo's (the univers oracle is Gentoo's algorithm).
    static let apk: Make = { g in
        var version = String(g.pick([0, 1, 2, 10]))
        for _ in 0..<g.int(0...3) { version += "." + g.pick(["0", "1", "2", "10", "01", "001", "010", "20"]) }
        if g.chance(0.2) { version += g.pick(["a", "b", "z"]) }
        for _ in 0..<g.int(0...2) { version += "_" + g.pick(["alpha", "beta", "pre", "rc", "p"]) + g.pick(["", "0", "1", "2", "10"]) }
        if g.chance(0.5) { version += "-r\(g.pick([0, 1, 2, 10]))" }
        return version
    }

    static let pep440: Make = { g in
        var version = g.chance(0.05) ? "v" : ""
        if g.chance(0.1) { version += "\(g.int(0...2))!" }
        version += g.join(g.int(1...4), ".") { number(&$0, leadingZeros: true) }
        if g.chance(0.35) {
            version += g.pick(["", ".", "-", "_"]) + g.pick(["a", "alpha", "b", "beta", "c", "rc", "pre", "preview", "RC", "A"])
                + g.pick(["", "0", "1", "2", "10", ".1", "-2"])
        }
        if g.chance(0.25) { version += g.pick([".post1", ".post", "-1", "post2", "-post3", ".rev1", "r", ".r2", "_post0"]) }
        if g.chance(0.25) { version += g.pick([".dev", ".dev0", ".dev1", "dev2", "-dev10", "_DEV3"]) }
        if g.chance(0.15) { version += "+" + g.join(g.int(1...3), g.pick([".", "-", "_"])) { $0.pick(["1", "01", "abc", "ubuntu", "2", "z"]) } }
        return version
    }

    static let semver: Make = { g in
        var version = "\(g.pick([0, 1, 2, 10])).\(g.pick([0, 1, 2, 10])).\(g.pick([0, 1, 2, 10]))"
        if g.chance(0.5) {
            version += "-" + g.join(g.int(1...3), ".") { $0.pick(["alpha", "beta", "rc", "0", "1", "2", "11", "x-y", "A", "a1", "-", "1a"]) }
        }
        if g.chance(0.2) { version += "+" + g.pick(["build", "001", "sha.5114f85", "x-1"]) }
        return version
    }

    static let go: Make = { g in
        if g.chance(0.25) {
            let stamp = "2022\(g.pick(["0101", "0412", "1231"]))\(g.pick(["000000", "211240", "235959"]))"
            let base = g.pick(["0.0.0-", "1.2.4-0.", "1.2.3-pre.0.", "2.0.0-"])
            return "v" + base + stamp + "-" + g.pick(["33da011f77ad", "abcdefabcdef", "000000000000"])
        }
        return "v" + semver(&g).split(separator: "+").first.map(String.init)! + (g.chance(0.15) ? "+incompatible" : "")
    }

    static let maven: Make = { g in
        let token: @Sendable (inout SeededGenerator) -> String = { g in
            g.pick([number(&g, leadingZeros: true), "alpha", "a", "beta", "b", "milestone", "m", "rc", "cr", "snapshot",
                    "SNAPSHOT", "ga", "final", "release", "sp", "foo", "bar", "RC", "", "0"])
        }
        var version = number(&g)
        for _ in 0..<g.int(0...4) { version += g.pick([".", "-", "", "."]) + token(&g) }
        return version
    }

    static let rubygems: Make = { g in
        var version = number(&g)
        for _ in 0..<g.int(0...3) { version += "." + g.pick([number(&g), "0", "a", "b", "pre", "rc1", "beta2", "1a", "A", "Beta", "a0", "0a"]) }
        if g.chance(0.2) { version += "-" + g.pick(["1", "a", "pre.1", "rc", "x-y", "B.2"]) }
        return version
    }

    static let nuget: Make = { g in
        var version = g.join(g.int(1...4), ".") { number(&$0, leadingZeros: true) }
        if g.chance(0.4) {
            version += "-" + g.join(g.int(1...3), ".") { $0.pick(["alpha", "Alpha", "BETA", "beta", "rc", "0", "1", "2", "11", "a-b", "RC1"]) }
        }
        if g.chance(0.15) { version += "+" + g.pick(["meta", "git.abc", "1"]) }
        return version
    }

    static let composer: Make = { g in
        if g.chance(0.08) { return g.pick(["2024", "2023"]) + g.pick(["0101", ".01.02", "-12-31", "1231"]) }
        var version = (g.chance(0.2) ? "v" : "") + g.join(g.int(1...4), ".") { number(&$0) }
        if g.chance(0.5) {
            version += g.pick(["-", ".", "", "_"]) + g.pick(["alpha", "a", "beta", "b", "RC", "rc", "patch", "pl", "p", "stable"])
                + g.pick(["", "1", "2", ".3", "-4", "10"])
        }
        if g.chance(0.15) { version += g.pick(["-dev", ".dev", "dev"]) }
        return version
    }

    /// npm ranges over small numbers, with every operator form.
    static let npmRange: Make = { g in
        let partial: @Sendable (inout SeededGenerator) -> String = { g in
            let parts = [String(g.int(0...2)), g.pick(["0", "1", "2", "x", "*"]), g.pick(["0", "1", "3", "x"])]
            var count = g.int(1...3)
            if parts[1] == "x" || parts[1] == "*" { count = min(count, 2) }
            var text = parts.prefix(count).joined(separator: ".")
            if count == 3, parts[2] != "x", g.chance(0.25) { text += "-" + g.pick(["alpha", "beta.1", "0", "rc.2"]) }
            return text
        }
        let comparator: @Sendable (inout SeededGenerator) -> String = { g in
            let op = g.pick(["", "=", "<", "<=", ">", ">=", "~", "^", "~>", "v"])
            return op + partial(&g)
        }
        let set: @Sendable (inout SeededGenerator) -> String = { g in
            if g.chance(0.15) { return partial(&g) + " - " + partial(&g) }
            if g.chance(0.05) { return g.pick(["*", "x", ""]) }
            return g.join(g.int(1...2), " ") { comparator(&$0) }
        }
        return g.join(g.int(1...2), " || ") { set(&$0) }
    }
}
