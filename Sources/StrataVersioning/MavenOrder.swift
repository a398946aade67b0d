/// Comparison of Maven version items (see ``MavenVersion``).
enum MavenOrder {
    typealias Item = MavenVersion.Item

    static let qualifiers = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"]

    static func isNull(_ item: Item) -> Bool {
        switch item {
        case .number(let digits): return digits.utf8.allSatisfy { $0 == 0x30 }
        case .qualifier(let name): return name.isEmpty
        case .list(let items): return items.isEmpty
        }
    }

    /// Known qualifiers sort by rank, unknown ones after them, alphabetically.
    static func qualifierKey(_ name: String) -> String {
        if let rank = qualifiers.firstIndex(of: name) { return String(rank) }
        return "\(qualifiers.count)-\(name)"
    }

    /// Compares `lhs` with `rhs`, where nil stands for the padding null item.
    static func compare(_ lhs: Item, _ rhs: Item?) -> Int {
        switch (lhs, rhs) {
        case (.number(let left), nil): return isNull(.number(left)) ? 0 : 1
        case (.number(let left), .number(let right)?): return ASCII.compareNumeric(Array(left.utf8), Array(right.utf8))
        case (.number, _?): return 1
        case (.qualifier(let left), nil): return compareQualifiers(left, "")
        case (.qualifier(let left), .qualifier(let right)?): return compareQualifiers(left, right)
        case (.qualifier, _?): return -1
        case (.list(let items), nil): return items.lazy.map { compare($0, nil) }.first { $0 != 0 } ?? 0
        case (.list(let left), .list(let right)?): return compareLists(left, right)
        case (.list, .number?): return -1
        case (.list, .qualifier?): return 1
        }
    }

    static func compareLists(_ lhs: [Item], _ rhs: [Item]) -> Int {
        for index in 0..<max(lhs.count, rhs.count) {
            let right = index < rhs.count ? rhs[index] : nil
            let order = index < lhs.count ? compare(lhs[index], right) : -compare(right!, nil)
            if order != 0 { return order }
        }
        return 0
    }

    private static func compareQualifiers(_ lhs: String, _ rhs: String) -> Int {
        ASCII.compareBytes(Array(qualifierKey(lhs).utf8), Array(qualifierKey(rhs).utf8))
    }

    /// Maven's canonical form: items joined by `.`, sub-lists by `-`, a separator only after
    /// something was written (so null qualifiers leave no trace at the start of a list).
    static func render(_ items: [Item]) -> String {
        var text = ""
        for item in items {
            if !text.isEmpty {
                if case .list = item { text += "-" } else { text += "." }
            }
            switch item {
            case .number(let digits): text += digits.drop { $0 == "0" }.isEmpty ? "0" : String(digits.drop { $0 == "0" })
            case .qualifier(let name): text += name
            case .list(let inner): text += render(inner)
            }
        }
        return text
    }
}
