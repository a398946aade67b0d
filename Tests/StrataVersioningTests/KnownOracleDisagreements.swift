/// Pairs where an oracle is known to be wrong, each with the reason; docs/versioning.md explains
/// every entry. An entry names a referee, a more authoritative oracle: it applies only to pairs
/// on which the referee agrees with us, so a real bug of ours still fails the test.
enum KnownOracleDisagreements {
    struct Entry: Sendable {
        let oracle: String
        let referee: String
        let reason: String
    }

    static let entries: [Entry] = [
        Entry(
            oracle: "maven",
            referee: "maven-real",
            reason: "univers' MavenVersion ports an older ComparableVersion than Maven 3.8.7 (no `release` alias, "
                + "a sub-list against padding compares by its first item, a final `.qualifier` is not a sub-list, "
                + "and `9-final-` keeps an empty list); Maven 3.8.7 itself agrees with us on each of these pairs"
        ),
    ]

    /// Sorts each disagreement into a known entry (confirmed by its referee) or the unexplained list.
    static func classify(
        oracle: String, _ disagreements: [(a: String, b: String, ours: String, theirs: String)],
        into tally: inout DifferentialTally
    ) throws {
        var open = disagreements
        for entry in entries where entry.oracle == oracle && !open.isEmpty {
            let referee = try Oracle.compare(entry.referee, open.map { ($0.a, $0.b) })
            var still = [(a: String, b: String, ours: String, theirs: String)]()
            for (disagreement, answer) in zip(open, referee) {
                if answer == disagreement.ours { tally.known[entry.reason, default: 0] += 1 } else { still.append(disagreement) }
            }
            open = still
        }
        tally.unexplained += open.map { "\($0.a)\t\($0.b)\tours=\($0.ours)\toracle=\($0.theirs)" }
    }
}
