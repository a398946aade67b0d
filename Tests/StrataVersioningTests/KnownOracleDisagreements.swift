@testable import StrataVersioning

/// Pairs where an oracle is known to implement a different reading of the rules, each with the
/// reason; docs/versioning.md explains every entry. An entry applies only when the oracle's
/// answer is exactly what the documented alternative reading gives, so a real bug still fails.
enum KnownOracleDisagreements {
    struct Entry: Sendable {
        let oracle: String
        let reason: String
        let applies: @Sendable (_ a: String, _ b: String, _ oracle: String) -> Bool
    }

    static let entries: [Entry] = [
        Entry(
            oracle: "maven",
            reason: "univers' MavenVersion predates the `release` alias (= `ga` = `final` = \"\")",
            applies: { a, b, answer in mavenAsUnivers(a, b) == answer }
        ),
        Entry(
            oracle: "maven",
            reason: "univers' MavenVersion keeps an empty nested list for a trailing `-` after a null item "
                + "(`9-final-` parses as (9, ((),))), so its order is not transitive: 9-a > 9 = 9-final- > 9-a",
            applies: { a, b, _ in endsInNullThenHyphen(a) || endsInNullThenHyphen(b) }
        ),
    ]

    static func reason(oracle: String, _ a: String, _ b: String, ours: String, oracle answer: String) -> String? {
        entries.first { $0.oracle == oracle && $0.applies(a, b, answer) }?.reason
    }

    /// Our Maven order with `release` as an unknown qualifier, as the oracle has it (renamed to one
    /// that sorts where the oracle puts it among unknown qualifiers).
    static func mavenAsUnivers(_ a: String, _ b: String) -> String? {
        let rename = { (text: String) in text.lowercased().split(separator: "release", omittingEmptySubsequences: false).joined(separator: "releasf") }
        guard let left = try? MavenVersion(parsing: rename(a)), let right = try? MavenVersion(parsing: rename(b)) else { return nil }
        return String(MavenOrder.compareLists(left.items, right.items))
    }

    /// `…ga-`, `…final-`, `…0-`, `…--`, `….-`: a trailing hyphen right after a null item.
    static func endsInNullThenHyphen(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.hasSuffix("-") else { return false }
        let body = lower.dropLast()
        guard let last = body.last else { return true }
        let isDigit = last.isNumber
        let token = body.reversed().prefix { $0.isLetter && !isDigit || $0.isNumber && isDigit }
        let word = String(token.reversed())
        return word.isEmpty || ["ga", "final", "release"].contains(word) || (isDigit && word.allSatisfy { $0 == "0" })
    }
}
