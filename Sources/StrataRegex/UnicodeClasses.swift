import Foundation

/// Named classes of Go's RE2 syntax: Perl (`\d`), POSIX (`[:alpha:]`) and Unicode (`\pL`, `\p{Greek}`).
enum UnicodeClasses {
    static let perl: [Character: CharClass] = [
        "d": CharClass(ranges: [(0x30, 0x39)]),
        "s": CharClass(ranges: [(0x09, 0x0A), (0x0C, 0x0D), (0x20, 0x20)]),
        "w": CharClass(ranges: [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)]),
    ]

    static let posix: [String: CharClass] = [
        "alnum": CharClass(ranges: [(0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A)]),
        "alpha": CharClass(ranges: [(0x41, 0x5A), (0x61, 0x7A)]),
        "ascii": CharClass(ranges: [(0x00, 0x7F)]),
        "blank": CharClass(ranges: [(0x09, 0x09), (0x20, 0x20)]),
        "cntrl": CharClass(ranges: [(0x00, 0x1F), (0x7F, 0x7F)]),
        "digit": CharClass(ranges: [(0x30, 0x39)]),
        "graph": CharClass(ranges: [(0x21, 0x7E)]),
        "lower": CharClass(ranges: [(0x61, 0x7A)]),
        "print": CharClass(ranges: [(0x20, 0x7E)]),
        "punct": CharClass(ranges: [(0x21, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E)]),
        "space": CharClass(ranges: [(0x09, 0x0D), (0x20, 0x20)]),
        "upper": CharClass(ranges: [(0x41, 0x5A)]),
        "word": CharClass(ranges: [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)]),
        "xdigit": CharClass(ranges: [(0x30, 0x39), (0x41, 0x46), (0x61, 0x66)]),
    ]

    /// `\p{Name}`: a general category, `Any`, `ASCII`, `Assigned`, or a script; nil when Go does not know it.
    /// Like Go 1.25 (Unicode TR18), names also match case-insensitively ignoring spaces, `_` and `-`, and
    /// categories have their long aliases (`Letter`, `Lowercase_Letter`); script names keep their underscores.
    static func named(_ name: String) -> CharClass? {
        if let c = Categories.table[name] { return c }
        if scriptNames.contains(name) { return Scripts.shared.class(name) }
        let key = String(name.lowercased().unicodeScalars.filter { $0 != " " && $0 != "_" && $0 != "-" })
        switch key {
        case "any": return CharClass(ranges: [(0, CharClass.maxScalar)])
        case "ascii": return CharClass(ranges: [(0, 0x7F)])
        case "assigned": return Categories.table["Cn"]?.negated()
        default: break
        }
        if let code = Categories.aliases[key] { return Categories.table[code] }
        if let script = scriptsByLowercase[key] { return Scripts.shared.class(script) }
        return nil
    }

    private static let scriptsByLowercase: [String: String] = Dictionary(
        scriptNames.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })

    /// Unicode script names Go's `unicode.Scripts` knows (Unicode 15).
    static let scriptNames: Set<String> = [
        "Adlam", "Ahom", "Anatolian_Hieroglyphs", "Arabic", "Armenian", "Avestan", "Balinese", "Bamum", "Bassa_Vah",
        "Batak", "Bengali", "Bhaiksuki", "Bopomofo", "Brahmi", "Braille", "Buginese", "Buhid", "Canadian_Aboriginal",
        "Carian", "Caucasian_Albanian", "Chakma", "Cham", "Cherokee", "Chorasmian", "Common", "Coptic", "Cuneiform",
        "Cypriot", "Cypro_Minoan", "Cyrillic", "Deseret", "Devanagari", "Dives_Akuru", "Dogra", "Duployan",
        "Egyptian_Hieroglyphs", "Elbasan", "Elymaic", "Ethiopic", "Georgian", "Glagolitic", "Gothic", "Grantha", "Greek",
        "Gujarati", "Gunjala_Gondi", "Gurmukhi", "Han", "Hangul", "Hanifi_Rohingya", "Hanunoo", "Hatran", "Hebrew",
        "Hiragana", "Imperial_Aramaic", "Inherited", "Inscriptional_Pahlavi", "Inscriptional_Parthian", "Javanese",
        "Kaithi", "Kannada", "Katakana", "Kawi", "Kayah_Li", "Kharoshthi", "Khitan_Small_Script", "Khmer", "Khojki",
        "Khudawadi", "Lao", "Latin", "Lepcha", "Limbu", "Linear_A", "Linear_B", "Lisu", "Lycian", "Lydian", "Mahajani",
        "Makasar", "Malayalam", "Mandaic", "Manichaean", "Marchen", "Masaram_Gondi", "Medefaidrin", "Meetei_Mayek",
        "Mende_Kikakui", "Meroitic_Cursive", "Meroitic_Hieroglyphs", "Miao", "Modi", "Mongolian", "Mro", "Multani",
        "Myanmar", "Nabataean", "Nag_Mundari", "Nandinagari", "New_Tai_Lue", "Newa", "Nko", "Nushu",
        "Nyiakeng_Puachue_Hmong", "Ogham", "Ol_Chiki", "Old_Hungarian", "Old_Italic", "Old_North_Arabian", "Old_Permic",
        "Old_Persian", "Old_Sogdian", "Old_South_Arabian", "Old_Turkic", "Old_Uyghur", "Oriya", "Osage", "Osmanya",
        "Pahawh_Hmong", "Palmyrene", "Pau_Cin_Hau", "Phags_Pa", "Phoenician", "Psalter_Pahlavi", "Rejang", "Runic",
        "Samaritan", "Saurashtra", "Sharada", "Shavian", "Siddham", "SignWriting", "Sinhala", "Sogdian", "Sora_Sompeng",
        "Soyombo", "Sundanese", "Syloti_Nagri", "Syriac", "Tagalog", "Tagbanwa", "Tai_Le", "Tai_Tham", "Tai_Viet", "Takri",
        "Tamil", "Tangsa", "Tangut", "Telugu", "Thaana", "Thai", "Tibetan", "Tifinagh", "Tirhuta", "Toto", "Ugaritic",
        "Vai", "Vithkuqi", "Wancho", "Warang_Citi", "Yezidi", "Yi", "Zanabazar_Square",
    ]
}

/// General categories, built once by one pass over every scalar.
private enum Categories {
    static let table: [String: CharClass] = {
        var byCode: [String: [(UInt32, UInt32)]] = [:]
        var current: String? = nil, start: UInt32 = 0
        func close(_ end: UInt32) {
            if let c = current { byCode[c, default: []].append((start, end)) }
        }
        for v in UInt32(0)...CharClass.maxScalar {
            guard let s = Unicode.Scalar(v) else { continue }
            let code = abbreviation(s.properties.generalCategory)
            if code != current {
                close(v &- 1)
                current = code
                start = v
            }
        }
        close(CharClass.maxScalar)
        byCode["Cs", default: []].append((0xD800, 0xDFFF))
        var out: [String: CharClass] = [:]
        for (code, ranges) in byCode { out[code] = CharClass(ranges: ranges) }
        for major in ["L", "M", "N", "P", "S", "Z", "C"] {
            let members = out.filter { $0.key.count == 2 && $0.key.hasPrefix(major) }.flatMap { $0.value.pairs }
            out[major] = CharClass(ranges: members)
        }
        out["LC"] = CharClass(ranges: ["Lu", "Ll", "Lt"].flatMap { out[$0]?.pairs ?? [] })
        return out
    }()

    /// Normalised names (lower case, no separators) → category code: the codes and Unicode's long aliases.
    static let aliases: [String: String] = {
        let long: [String: String] = [
            "C": "Other", "Cc": "Control", "Cf": "Format", "Cn": "Unassigned", "Co": "Private_Use", "Cs": "Surrogate",
            "L": "Letter", "LC": "Cased_Letter", "Ll": "Lowercase_Letter", "Lm": "Modifier_Letter", "Lo": "Other_Letter",
            "Lt": "Titlecase_Letter", "Lu": "Uppercase_Letter", "M": "Mark", "Mc": "Spacing_Mark", "Me": "Enclosing_Mark",
            "Mn": "Nonspacing_Mark", "N": "Number", "Nd": "Decimal_Number", "Nl": "Letter_Number", "No": "Other_Number",
            "P": "Punctuation", "Pc": "Connector_Punctuation", "Pd": "Dash_Punctuation", "Pe": "Close_Punctuation",
            "Pf": "Final_Punctuation", "Pi": "Initial_Punctuation", "Po": "Other_Punctuation", "Ps": "Open_Punctuation",
            "S": "Symbol", "Sc": "Currency_Symbol", "Sk": "Modifier_Symbol", "Sm": "Math_Symbol", "So": "Other_Symbol",
            "Z": "Separator", "Zl": "Line_Separator", "Zp": "Paragraph_Separator", "Zs": "Space_Separator",
        ]
        let extra = ["Cc": "cntrl", "Nd": "digit", "P": "punct", "M": "Combining_Mark"]
        func norm(_ s: String) -> String { String(s.lowercased().unicodeScalars.filter { $0 != "_" }) }
        var out: [String: String] = [:]
        for (code, name) in long {
            out[code.lowercased()] = code
            out[norm(name)] = code
        }
        for (code, name) in extra { out[norm(name)] = code }
        return out
    }()

    static func abbreviation(_ c: Unicode.GeneralCategory) -> String {
        switch c {
        case .uppercaseLetter: "Lu"
        case .lowercaseLetter: "Ll"
        case .titlecaseLetter: "Lt"
        case .modifierLetter: "Lm"
        case .otherLetter: "Lo"
        case .nonspacingMark: "Mn"
        case .spacingMark: "Mc"
        case .enclosingMark: "Me"
        case .decimalNumber: "Nd"
        case .letterNumber: "Nl"
        case .otherNumber: "No"
        case .connectorPunctuation: "Pc"
        case .dashPunctuation: "Pd"
        case .openPunctuation: "Ps"
        case .closePunctuation: "Pe"
        case .initialPunctuation: "Pi"
        case .finalPunctuation: "Pf"
        case .otherPunctuation: "Po"
        case .mathSymbol: "Sm"
        case .currencySymbol: "Sc"
        case .modifierSymbol: "Sk"
        case .otherSymbol: "So"
        case .spaceSeparator: "Zs"
        case .lineSeparator: "Zl"
        case .paragraphSeparator: "Zp"
        case .control: "Cc"
        case .format: "Cf"
        case .surrogate: "Cs"
        case .privateUse: "Co"
        case .unassigned: "Cn"
        @unknown default: "Cn"
        }
    }
}

/// Script classes. The standard library does not expose the Script property, so each script's ranges are
/// read once from ICU (through NSRegularExpression) over a string holding every scalar, then cached.
private final class Scripts: @unchecked Sendable {
    static let shared = Scripts()
    private let lock = NSLock()
    private var cache: [String: CharClass] = [:]

    private static let everyScalar: String = {
        var s = String.UnicodeScalarView()
        for v in UInt32(0)...CharClass.maxScalar {
            if let u = Unicode.Scalar(v) { s.append(u) }
        }
        return String(s)
    }()

    func `class`(_ name: String) -> CharClass {
        lock.lock()
        defer { lock.unlock() }
        if let c = cache[name] { return c }
        var ranges: [(UInt32, UInt32)] = []
        let text = Self.everyScalar
        if let re = try? NSRegularExpression(pattern: "\\p{Script=\(name)}+") {
            for m in re.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let r = Range(m.range, in: text) else { continue }
                let scalars = text[r].unicodeScalars
                if let first = scalars.first?.value, let last = scalars.last?.value { ranges.append((first, last)) }
            }
        }
        let c = CharClass(ranges: ranges)
        cache[name] = c
        return c
    }
}
