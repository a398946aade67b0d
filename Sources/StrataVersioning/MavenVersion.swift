/// A Maven artifact version, ordered as Maven 3.8.7's `ComparableVersion` (the "Version Order
/// Specification" of the POM reference):
///
/// * tokens split at `.`, `-` and digit/letter transitions (a transition acts like `-`); a `-`
///   (or transition) opens a nested list; empty tokens are `0`; letters are lowercased; a
///   qualifier followed by digits, and a qualifier at the very end, start a list of their own
///   (`1.0.alpha1` = `1-alpha-1`, `1.0.sp` = `1-sp`);
/// * trailing "null" items (`0`, `""`, `ga`, `final`, `release`, empty lists) are trimmed from
///   the end of every list;
/// * qualifiers order `alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release
///   < sp < any other` (others alphabetically); `a`, `b`, `m` directly followed by a digit mean
///   alpha, beta, milestone;
/// * item kinds order `list < number` and `qualifier < list`, numbers compare numerically, and the
///   shorter list is padded with nulls, every item of a sub-list counting (`1-0.1` > `1`).
public struct MavenVersion: ParsableVersion {
    public static let schemeID = "maven"

    indirect enum Item: Sendable, Equatable {
        case number(String)
        case qualifier(String)
        case list([Item])
    }

    let items: [Item]
    private let text: String

    public init(parsing text: String) throws(VersionParseError) {
        guard !text.isEmpty else { throw VersionParseError(.empty, scheme: Self.schemeID, input: text, reason: "empty version") }
        guard !text.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
            throw VersionParseError(.invalidCharacter, scheme: Self.schemeID, input: text, reason: "whitespace or control character")
        }
        self.text = text
        items = MavenVersionParser.parse(text.lowercased())
    }

    public var description: String { text }

    /// The normalised item tree as Maven prints it (`ComparableVersion.getCanonical()`-like).
    public var canonical: String { MavenOrder.render(items) }

    public static func == (lhs: Self, rhs: Self) -> Bool { MavenOrder.compareLists(lhs.items, rhs.items) == 0 }
    public static func < (lhs: Self, rhs: Self) -> Bool { MavenOrder.compareLists(lhs.items, rhs.items) < 0 }
}
