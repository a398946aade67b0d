/// "Did you mean …?" hints: graphql-js's suggestion list (options within a lexical distance of
/// about 40% of the input, nearest first) and its quoted "a, b, or c" list of at most five.
enum GraphQLSuggestions {
    static func list(_ input: String, _ options: [String]) -> [String] {
        let threshold = Int(Double(input.count) * 0.4) + 1
        let lowered = Array(input.lowercased())
        var scored: [(String, Int)] = []
        for option in options {
            let distance = option.lowercased() == input.lowercased() ? 1 : lexicalDistance(lowered, Array(option.lowercased()), threshold)
            if let distance, distance <= threshold { scored.append((option, distance)) }
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
    }

    /// Damerau–Levenshtein (optimal string alignment); nil when clearly over the threshold.
    private static func lexicalDistance(_ a: [Character], _ b: [Character], _ threshold: Int) -> Int? {
        if a == b { return 0 }
        if abs(a.count - b.count) > threshold { return nil }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, rows[i - 2][j - 2] + 1) }
                rows[i][j] = d
            }
        }
        return rows[a.count][b.count]
    }

    static func quotedOrList(_ items: [String]) -> String {
        let quoted = items.prefix(5).map { "\"\($0)\"" }
        if quoted.count == 2 { return "\(quoted[0]) or \(quoted[1])" }
        var out = ""
        for (i, item) in quoted.enumerated() {
            if i > 0 { out += i == quoted.count - 1 ? ", or " : ", " }
            out += item
        }
        return out
    }

    /// `message` plus ` <prefix> "a" or "b"?` when there are suggestions.
    static func suffix(_ prefix: String, _ input: String, _ options: [String]) -> String {
        let suggested = list(input, options)
        return suggested.isEmpty ? "" : " \(prefix) \(quotedOrList(suggested))?"
    }
}

extension GraphQLSuggestions {
    /// As `suffix`, with the suggestions unquoted.
    static func suffixUnquoted(_ prefix: String, _ input: String, _ options: [String]) -> String {
        let suggested = list(input, options).prefix(5)
        guard !suggested.isEmpty else { return "" }
        let items = Array(suggested)
        let joined = items.count == 2 ? "\(items[0]) or \(items[1])"
            : items.enumerated().map { i, s in i == 0 ? s : (i == items.count - 1 ? ", or " : ", ") + s }.joined()
        return " \(prefix) \(joined)?"
    }
}
