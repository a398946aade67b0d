import Foundation
import StrataRegoAST

/// `regex.*` on NSRegularExpression (ICU). Go RE2 syntax is mostly a subset; RE2-only forms
/// (`\z`, `(?P<name>…)`) are translated. Offsets are reported in UTF-8 bytes where OPA does.
enum Regex {
    static let builtins: [Builtin] = [
        Builtin("regex.match", arity: 2) { (a, ctx) throws(BuiltinError) in .bool(try matches(try a[0].string(1), try a[1].string(2), ctx)) },
        Builtin("re_match", arity: 2) { (a, ctx) throws(BuiltinError) in .bool(try matches(try a[0].string(1), try a[1].string(2), ctx)) },
        .unary("regex.is_valid") { (p) throws(BuiltinError) in
            guard case .string(let s) = p else { return .false }
            return .bool((try? compile(s)) != nil)
        },
        .ternary("regex.find_n") { (p, s, n) throws(BuiltinError) in
            let re = try compile(try p.string(1)), text = try s.string(2)
            let found = limited(re.matches(in: text, range: NSRange(text.startIndex..., in: text)), try n.int(3))
            return .strings(found.map { substring(text, $0.range) })
        },
        .ternary("regex.find_all_string_submatch_n") { (p, s, n) throws(BuiltinError) in
            let re = try compile(try p.string(1)), text = try s.string(2)
            let found = limited(re.matches(in: text, range: NSRange(text.startIndex..., in: text)), try n.int(3))
            return .array(found.map { m in .strings((0..<m.numberOfRanges).map { substring(text, m.range(at: $0)) }) })
        },
        .binary("regex.split") { (p, s) throws(BuiltinError) in
            let re = try compile(try p.string(1)), text = try s.string(2)
            var parts: [String] = [], last = text.startIndex
            for m in re.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let r = Range(m.range, in: text) else { continue }
                parts.append(String(text[last..<r.lowerBound]))
                last = r.upperBound
            }
            parts.append(String(text[last...]))
            return .strings(parts)
        },
        .ternary("regex.replace") { (s, p, r) throws(BuiltinError) in
            let text = try s.string(1), re = try compile(try p.string(2))
            let template = try r.string(3).replacingOccurrences(of: "\\", with: "\\\\")
            return .string(re.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template))
        },
        Builtin("regex.template_match", arity: 4) { (a, _) throws(BuiltinError) in
            try templateMatch(try a[0].string(1), try a[1].string(2), try a[2].string(3), try a[3].string(4))
        },
    ]

    static func translate(_ pattern: String) -> String {
        pattern.replacingOccurrences(of: "(?P<", with: "(?<").replacingOccurrences(of: "\\z", with: "(?!.|\\n)")
    }

    static func compile(_ pattern: String) throws(BuiltinError) -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: translate(pattern))
        } catch {
            throw BuiltinError("error parsing regexp: invalid pattern: `\(pattern)`")
        }
    }

    static func matches(_ pattern: String, _ text: String, _ ctx: BuiltinContext? = nil) throws(BuiltinError) -> Bool {
        if pattern.isEmpty { return true }
        let re: NSRegularExpression
        if let ctx, let cached = ctx.regexCache[pattern] {
            re = cached
        } else {
            re = try compile(pattern)
            if let ctx, ctx.regexCache.count < 10_000 { ctx.regexCache[pattern] = re }
        }
        return re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func limited(_ found: [NSTextCheckingResult], _ n: Int) -> [NSTextCheckingResult] {
        n < 0 ? found : Array(found.prefix(n))
    }

    static func substring(_ text: String, _ range: NSRange) -> String {
        guard range.location != NSNotFound, let r = Range(range, in: text) else { return "" }
        return String(text[r])
    }

    /// `regex.template_match("urn:foo:{.*}", "urn:foo:bar", "{", "}")`.
    static func templateMatch(_ template: String, _ text: String, _ open: String, _ close: String) throws(BuiltinError) -> Value {
        var pattern = "^", rest = Substring(template)
        while let o = rest.range(of: open) {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<o.lowerBound]))
            guard let c = rest[o.upperBound...].range(of: close) else { throw BuiltinError("unbalanced delimiters") }
            pattern += "(" + rest[o.upperBound..<c.lowerBound] + ")"
            rest = rest[c.upperBound...]
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        return .bool(try matches(pattern, text))
    }
}
