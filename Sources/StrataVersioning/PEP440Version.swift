/// A Python package version per PEP 440 (the Version Specifiers spec), with its normalisation:
/// case-insensitive, optional `v`, `-`/`_`/`.` separators, spellings `alpha`/`beta`/`c`/`pre`/
/// `preview` for `a`/`b`/`rc`/`rc`/`rc`, `rev`/`r`/`-N` for `.postN`, implicit numbers 0.
///
/// Order: epoch, release (trailing zeros ignored), then `.devN` < `aN` < `bN` < `rcN` < release
/// < `.postN`, dev releases of each of those before it, local versions after the public one.
public struct PEP440Version: ParsableVersion {
    public static let schemeID = "pep440"

    public enum PhaseKind: Int, Sendable, Comparable {
        case alpha, beta, releaseCandidate
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
        var spelling: String { ["a", "b", "rc"][rawValue] }
    }

    public let epoch: String
    public let release: [String]
    public let pre: (kind: PhaseKind, number: String)?
    public let post: String?
    public let dev: String?
    /// Local segments, lowercased; empty when there is no local part.
    public let local: [String]

    public init(parsing text: String) throws(VersionParseError) {
        var parser = PEP440Parser(text: text)
        let parts = try parser.parse()
        epoch = parts.epoch
        release = parts.release
        pre = parts.pre
        post = parts.post
        dev = parts.dev
        local = parts.local
    }

    /// The canonical form, e.g. `1!2.0rc1.post0.dev3+abc.5`.
    public var description: String {
        var text = epoch == "0" ? "" : "\(epoch)!"
        text += release.map(Self.trimZeros).joined(separator: ".")
        if let pre { text += pre.kind.spelling + Self.trimZeros(pre.number) }
        if let post { text += ".post" + Self.trimZeros(post) }
        if let dev { text += ".dev" + Self.trimZeros(dev) }
        if !local.isEmpty { text += "+" + local.map { $0.utf8.allSatisfy(ASCII.isDigit) ? Self.trimZeros($0) : $0 }.joined(separator: ".") }
        return text
    }

    /// True for dev and pre-releases.
    public var isPrerelease: Bool { pre != nil || dev != nil }

    static func trimZeros(_ digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { PEP440Order.compare(lhs, rhs) == 0 }
    public static func < (lhs: Self, rhs: Self) -> Bool { PEP440Order.compare(lhs, rhs) < 0 }
}

/// PEP 440's ordering, one component at a time.
enum PEP440Order {
    static func compare(_ lhs: PEP440Version, _ rhs: PEP440Version) -> Int {
        let orders = [
            numeric(lhs.epoch, rhs.epoch),
            release(lhs.release, rhs.release),
            Int.order(preKey(lhs), preKey(rhs)),
            pre(lhs, rhs),
            optional(lhs.post, rhs.post, missing: -1),
            optional(lhs.dev, rhs.dev, missing: 1),
            local(lhs.local, rhs.local),
        ]
        return orders.first { $0 != 0 } ?? 0
    }

    private static func numeric(_ lhs: String, _ rhs: String) -> Int {
        ASCII.compareNumeric(Array(lhs.utf8), Array(rhs.utf8))
    }

    private static func release(_ lhs: [String], _ rhs: [String]) -> Int {
        for index in 0..<max(lhs.count, rhs.count) {
            let order = numeric(index < lhs.count ? lhs[index] : "0", index < rhs.count ? rhs[index] : "0")
            if order != 0 { return order }
        }
        return 0
    }

    /// 0: a dev release with no pre or post part (sorts first); 1: a pre-release; 2: neither.
    private static func preKey(_ version: PEP440Version) -> Int {
        if version.pre != nil { return 1 }
        return version.post == nil && version.dev != nil ? 0 : 2
    }

    private static func pre(_ lhs: PEP440Version, _ rhs: PEP440Version) -> Int {
        guard let left = lhs.pre, let right = rhs.pre else { return 0 }
        if left.kind != right.kind { return Int.order(left.kind, right.kind) }
        return numeric(left.number, right.number)
    }

    /// `missing` is where an absent part sorts: -1 before every number, 1 after.
    private static func optional(_ lhs: String?, _ rhs: String?, missing: Int) -> Int {
        switch (lhs, rhs) {
        case (nil, nil): return 0
        case (nil, _): return missing
        case (_, nil): return -missing
        case let (left?, right?): return numeric(left, right)
        }
    }

    /// Numeric segments beat alphanumeric ones; a longer local version with an equal prefix wins.
    private static func local(_ lhs: [String], _ rhs: [String]) -> Int {
        for index in 0..<min(lhs.count, rhs.count) {
            let left = lhs[index], right = rhs[index]
            let leftNumeric = left.utf8.allSatisfy(ASCII.isDigit), rightNumeric = right.utf8.allSatisfy(ASCII.isDigit)
            let order: Int
            switch (leftNumeric, rightNumeric) {
            case (true, true): order = numeric(left, right)
            case (true, false): order = 1
            case (false, true): order = -1
            case (false, false): order = ASCII.compareBytes(Array(left.utf8), Array(right.utf8))
            }
            if order != 0 { return order }
        }
        return Int.order(lhs.count, rhs.count)
    }
}
