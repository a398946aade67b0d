import StrataRegex
import StrataRegoAST

/// `regex.*` on StrataRegex: Go's RE2 syntax and leftmost-first semantics, matched in linear time.
enum Regex {
    static let builtins: [Builtin] = [
        Builtin("regex.match", arity: 2) { (a, ctx) throws(BuiltinError) in
            .bool(try compile(try a[0].string(1), ctx).matches(try a[1].string(2)))
        },
        Builtin("re_match", arity: 2) { (a, ctx) throws(BuiltinError) in
            .bool(try compile(try a[0].string(1), ctx).matches(try a[1].string(2)))
        },
        .unary("regex.is_valid") { (p) throws(BuiltinError) in
            guard case .string(let s) = p else { return .false }
            return .bool((try? RE2(s)) != nil)
        },
        Builtin("regex.find_n", arity: 3) { (a, ctx) throws(BuiltinError) in
            let re = try compile(try a[0].string(1), ctx)
            return .strings(re.allMatchedStrings(in: try a[1].string(2), limit: try a[2].int(3)))
        },
        Builtin("regex.find_all_string_submatch_n", arity: 3) { (a, ctx) throws(BuiltinError) in
            let re = try compile(try a[0].string(1), ctx)
            return .array(re.allSubmatches(in: try a[1].string(2), limit: try a[2].int(3)).map { .strings($0) })
        },
        Builtin("regex.split", arity: 2) { (a, ctx) throws(BuiltinError) in
            .strings(try compile(try a[0].string(1), ctx).split(try a[1].string(2)))
        },
        Builtin("regex.replace", arity: 3) { (a, ctx) throws(BuiltinError) in
            let text = try a[0].string(1), re = try compile(try a[1].string(2), ctx)
            return .string(re.replaceAll(text, template: try a[2].string(3)))
        },
        Builtin("regex.template_match", arity: 4) { (a, ctx) throws(BuiltinError) in
            try templateMatch(try a[0].string(1), try a[1].string(2), try a[2].string(3), try a[3].string(4), ctx)
        },
        .binary("regex.globs_match") { (a, b) throws(BuiltinError) in
            .bool(try GlobIntersection.nonEmpty(try a.string(1), try b.string(2)))
        },
    ]

    /// Compiled patterns are reused for the query, and across queries through a process-wide cache.
    static func compile(_ pattern: String, _ ctx: BuiltinContext? = nil) throws(BuiltinError) -> RE2 {
        if let ctx, let cached = ctx.regexCache[pattern] { return cached }
        let re: RE2
        if let shared = RegexCache.shared.get(pattern) {
            re = shared
        } else {
            do {
                re = try RE2(pattern)
            } catch {
                throw BuiltinError(error.description)
            }
            // Huge programs (a hostile policy) stay out of the process-wide cache; the query's cache is enough.
            if re.isSmall { RegexCache.shared.put(pattern, re) }
        }
        if let ctx, ctx.regexCache.count < 10_000 { ctx.regexCache[pattern] = re }
        return re
    }

    /// `regex.template_match("urn:foo:{.*}", "urn:foo:bar", "{", "}")`: literal text with regex parts between
    /// single-character delimiters (nesting counted, as gorilla/mux templates do).
    static func templateMatch(_ template: String, _ text: String, _ open: String, _ close: String,
                              _ ctx: BuiltinContext?) throws(BuiltinError) -> Value {
        let o = Array(open.unicodeScalars), c = Array(close.unicodeScalars)
        guard o.count == 1 else { throw BuiltinError("start delimiter has to be exactly one character long but is \(o.count) long") }
        guard c.count == 1 else { throw BuiltinError("end delimiter has to be exactly one character long but is \(c.count) long") }
        let t = Array(template.unicodeScalars)
        var pairs: [(Int, Int)] = [], level = 0, start = 0
        for (i, ch) in t.enumerated() {
            if ch == o[0] {
                level += 1
                if level == 1 { start = i }
            } else if ch == c[0] {
                level -= 1
                if level == 0 { pairs.append((start, i + 1)) } else if level < 0 { break }
            }
        }
        guard level == 0 else { throw BuiltinError("unbalanced braces in \"\(template)\"") }
        func slice(_ a: Int, _ b: Int) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: t[a..<b])
            return String(v)
        }
        var pattern = "", end = 0
        for (a, b) in pairs {
            let part = slice(a + 1, b - 1)
            _ = try compile("^" + part + "$", ctx)
            pattern += RE2.quoteMeta(slice(end, a)) + "(" + part + ")"
            end = b
        }
        pattern = "^" + pattern + RE2.quoteMeta(slice(end, t.count)) + "$"
        return .bool(try compile(pattern, ctx).matches(text))
    }
}
