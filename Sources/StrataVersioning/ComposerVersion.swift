/// A Composer (Packagist) version, normalised as Composer's `VersionParser::normalize` does and
/// ordered as Composer orders normalised versions, with PHP's `version_compare`.
///
/// Normalisation: trim, drop `+build` and ` as alias`, optional `v`, up to four numbers padded
/// to four (`1.2` → `1.2.0.0`), a stability suffix (`-alpha`/`a`, `-beta`/`b`, `-RC`, `-patch`/
/// `pl`/`p`, `-stable` dropped) with its number, `-dev`; date versions (`20240101`, `2024.01.01`);
/// numeric branches (`1.x-dev` → `1.9999999.9999999.9999999-dev`). Named branches (`dev-main`)
/// have no order and are reported as ``VersionParseError/Code/notOrderable``.
public struct ComposerVersion: ParsableVersion {
    public static let schemeID = "composer"

    /// The normalised form (`1.2.0.0-RC1`).
    public let normalized: String
    private let text: String

    public init(parsing text: String) throws(VersionParseError) {
        normalized = try ComposerNormalizer(text: text).normalize()
        self.text = text
    }

    public var description: String { text }

    public static func == (lhs: Self, rhs: Self) -> Bool { PHPVersionCompare.compare(lhs.normalized, rhs.normalized) == 0 }
    public static func < (lhs: Self, rhs: Self) -> Bool { PHPVersionCompare.compare(lhs.normalized, rhs.normalized) < 0 }
}
