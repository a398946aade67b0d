import StrataCore

/// Checks run before handing text to Yams, whose composer recurses per nesting level and
/// expands aliases: lock files never use anchors or aliases, and their nesting is shallow, so
/// anything else is refused with a located diagnostic instead of risking the stack or memory.
enum YAMLGuard {
    static func check(_ source: SourceText, maxDepth: Int) -> StrataError? {
        for line in source.lines {
            if let reason = aliasOrAnchor(line.text) {
                return StrataError(.yamlAliasLimit, reason, at: source.location(line.number))
            }
            if depth(line.text) > maxDepth {
                return StrataError(.depthLimit, "YAML nesting deeper than \(maxDepth)", at: source.location(line.number))
            }
        }
        return nil
    }

    /// `&anchor` or `*alias` outside quotes, at the start of a value.
    private static func aliasOrAnchor(_ text: Substring) -> String? {
        var quote: Character?
        var previous: Character = " "
        for c in text {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "#" && previous == " " {
                return nil
            } else if (c == "&" || c == "*") && " \t[{,:-".contains(previous) {
                return "YAML anchors and aliases are not accepted in lock files"
            }
            previous = c
        }
        return nil
    }

    /// Indentation (two spaces a level), block-sequence dashes and open flow brackets.
    private static func depth(_ text: Substring) -> Int {
        let indent = text.prefix { $0 == " " }.count / 2
        var dashes = 0, flow = 0, maxFlow = 0
        var rest = text.drop { $0 == " " }
        while rest.hasPrefix("- ") { dashes += 1; rest = rest.dropFirst(2).drop { $0 == " " } }
        for c in rest {
            if c == "[" || c == "{" { flow += 1; maxFlow = max(maxFlow, flow) }
            if c == "]" || c == "}" { flow -= 1 }
        }
        return indent + dashes + maxFlow
    }
}
