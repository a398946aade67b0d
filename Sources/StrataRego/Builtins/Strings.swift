import Foundation
import StrataRegoAST

/// String builtins: `concat`, `split`, `replace`, `trim*`, `substring`, `indexof`, `strings.*` and friends.
enum Strings {
    static let builtins: [Builtin] = basics + trimming + search

    static let basics: [Builtin] = [
        .binary("concat") { (sep, items) throws(BuiltinError) in .string(try items.strings(2).joined(separator: sep.string(1))) },
        .binary("split") { (s, sep) throws(BuiltinError) in .strings(split(try s.string(1), try sep.string(2))) },
        .unary("lower") { (s) throws(BuiltinError) in .string(mapScalars(try s.string(1)) { $0.lowercased() }) },
        .unary("upper") { (s) throws(BuiltinError) in .string(mapScalars(try s.string(1)) { $0.uppercased() }) },
        .ternary("replace") { (s, old, new) throws(BuiltinError) in
            let text = try s.string(1), o = try old.string(2), n = try new.string(3)
            return .string(o.isEmpty ? interleave(text, n) : text.replacingOccurrences(of: o, with: n))
        },
        .binary("strings.replace_n") { (patterns, s) throws(BuiltinError) in
            var pairs: [(String, String)] = []
            for (k, v) in try patterns.object(1).sortedPairs {
                guard case .string(let o) = k, case .string(let n) = v else { throw BuiltinError.type("operand 1 must be object[string: string]") }
                pairs.append((o, n))
            }
            return .string(replaceAll(try s.string(2), pairs))
        },
        .ternary("strings.split_n") { (s, sep, n) throws(BuiltinError) in
            let parts = split(try s.string(1), try sep.string(2))
            let count = try n.int(3)
            if count == 0 { return .array([]) }
            return .strings(count < 0 ? Array(parts.suffix(-count)) : Array(parts.prefix(count)))
        },
        .unary("strings.reverse") { (s) throws(BuiltinError) in .string(String(try s.string(1).reversed())) },
        .ternary("substring", substring),
        .binary("format_int", formatInt),
        .binary("strings.count") { (s, sub) throws(BuiltinError) in
            let text = try s.string(1), needle = try sub.string(2)
            return .int(needle.isEmpty ? text.unicodeScalars.count + 1 : text.components(separatedBy: needle).count - 1)
        },
    ]

    static let trimming: [Builtin] = [
        .binary("trim") { (s, c) throws(BuiltinError) in .string(trim(try s.string(1), try c.string(2), left: true, right: true)) },
        .binary("trim_left") { (s, c) throws(BuiltinError) in .string(trim(try s.string(1), try c.string(2), left: true, right: false)) },
        .binary("trim_right") { (s, c) throws(BuiltinError) in .string(trim(try s.string(1), try c.string(2), left: false, right: true)) },
        .binary("trim_prefix") { (s, p) throws(BuiltinError) in
            let text = try s.string(1), prefix = try p.string(2)
            return .string(text.hasPrefix(prefix) ? String(text.utf8.dropFirst(prefix.utf8.count))! : text)
        },
        .binary("trim_suffix") { (s, p) throws(BuiltinError) in
            let text = try s.string(1), suffix = try p.string(2)
            return .string(text.hasSuffix(suffix) ? String(text.utf8.dropLast(suffix.utf8.count))! : text)
        },
        .unary("trim_space") { (s) throws(BuiltinError) in .string(try s.string(1).trimmingCharacters(in: .whitespacesAndNewlines)) },
    ]

    static let search: [Builtin] = [
        .binary("contains") { (s, sub) throws(BuiltinError) in .bool(contains(try s.string(1), try sub.string(2))) },
        .binary("startswith") { (s, p) throws(BuiltinError) in .bool(try s.string(1).utf8.starts(with: try p.string(2).utf8)) },
        .binary("endswith") { (s, p) throws(BuiltinError) in .bool(try s.string(1).utf8.reversed().starts(with: try p.string(2).utf8.reversed())) },
        .binary("indexof") { (s, sub) throws(BuiltinError) in .int(indexes(try s.string(1), try searchString(sub)).first ?? -1) },
        .binary("indexof_n") { (s, sub) throws(BuiltinError) in .array(indexes(try s.string(1), try searchString(sub)).map(Value.int)) },
        .binary("strings.any_prefix_match") { (s, p) throws(BuiltinError) in
            let subjects = try stringsOrOne(s, 1), prefixes = try stringsOrOne(p, 2)
            return .bool(subjects.contains { x in prefixes.contains { x.utf8.starts(with: $0.utf8) } })
        },
        .binary("strings.any_suffix_match") { (s, p) throws(BuiltinError) in
            let subjects = try stringsOrOne(s, 1), suffixes = try stringsOrOne(p, 2)
            return .bool(subjects.contains { x in suffixes.contains { x.utf8.reversed().starts(with: $0.utf8.reversed()) } })
        },
        .binary("sprintf") { (f, args) throws(BuiltinError) in .string(Sprintf.format(try f.string(1), try args.array(2))) },
    ]

    /// OPA's `replace` with an empty pattern: `new` before every byte and at the end (a multi-byte rune
    /// is split, and its bytes then read as U+FFFD each, as OPA prints them).
    static func interleave(_ text: String, _ new: String) -> String {
        var out: [UInt8] = Array(new.utf8)
        for byte in text.utf8 { out.append(byte); out += new.utf8 }
        return String(decoding: out, as: UTF8.self)
    }

    /// Go `strings.NewReplacer` semantics: one left-to-right pass, first key (in order) wins, no re-scan.
    static func replaceAll(_ text: String, _ pairs: [(String, String)]) -> String {
        let empty = pairs.first { $0.0.isEmpty }?.1
        let keys = pairs.filter { !$0.0.isEmpty }.map { (Array($0.0.utf8), Array($0.1.utf8)) }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while true {
            if let empty { out += Array(empty.utf8) }
            guard i < bytes.count else { break }
            if let (k, v) = keys.first(where: { i + $0.0.count <= bytes.count && Array(bytes[i..<i + $0.0.count]) == $0.0 }) {
                out += v
                i += k.count
            } else {
                let width = max(1, String(decoding: bytes[i...], as: UTF8.self).unicodeScalars.first.map { String($0).utf8.count } ?? 1)
                out += bytes[i..<min(bytes.count, i + width)]
                i += width
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Case mapping rune by rune, like Go (a rune whose mapping is several runes, such as `ß`, is kept).
    static func mapScalars(_ s: String, _ f: (String) -> String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let mapped = f(String(scalar)).unicodeScalars
            if mapped.count == 1 { out.append(contentsOf: mapped) } else { out.append(scalar) }
        }
        return String(out)
    }

    static func stringsOrOne(_ v: Value, _ index: Int) throws(BuiltinError) -> [String] {
        let items: [Value]
        switch v {
        case .string(let s): return [s]
        case .array(let a): items = a
        case .set(let s): items = s.sorted()
        default: throw v.operandError(index, "one of {string, set, array}")
        }
        return try items.map { (e) throws(BuiltinError) in
            guard case .string(let s) = e else {
                throw BuiltinError.type("operand \(index) must be \(v.typeName) of strings but got \(v.typeName) containing \(e.typeName)")
            }
            return s
        }
    }

    static func contains(_ s: String, _ sub: String) -> Bool {
        sub.isEmpty || s.range(of: sub, options: .literal) != nil
    }

    static func split(_ s: String, _ sep: String) -> [String] {
        if sep.isEmpty { return s.unicodeScalars.map { String($0) } }
        return s.components(separatedBy: sep)
    }

    /// OPA rejects an empty search string in `indexof` and `indexof_n` (found by differential fuzzing).
    static func searchString(_ sub: Value) throws(BuiltinError) -> String {
        let text = try sub.string(2)
        guard !text.isEmpty else { throw BuiltinError("empty search character") }
        return text
    }

    /// Indexes (in unicode scalars) of each occurrence of `sub`.
    static func indexes(_ s: String, _ sub: String) -> [Int] {
        let hay = Array(s.unicodeScalars), needle = Array(sub.unicodeScalars)
        guard !needle.isEmpty, needle.count <= hay.count else { return [] }
        var out: [Int] = []
        for i in 0...(hay.count - needle.count) where Array(hay[i..<i + needle.count]) == needle { out.append(i) }
        return out
    }

    static func substring(_ s: Value, _ start: Value, _ length: Value) throws(BuiltinError) -> Value? {
        let scalars = Array(try s.string(1).unicodeScalars)
        let from = try start.int(2), count = try length.int(3)
        guard from >= 0 else { throw BuiltinError("negative offset") }
        guard from < scalars.count else { return .string("") }
        let end = count < 0 ? scalars.count : min(scalars.count, from + count)
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[from..<end])
        return .string(String(out))
    }

    static func trim(_ s: String, _ cutset: String, left: Bool, right: Bool) -> String {
        let cut = Set(cutset.unicodeScalars)
        var scalars = Array(s.unicodeScalars)[...]
        if left { while let f = scalars.first, cut.contains(f) { scalars = scalars.dropFirst() } }
        if right { while let l = scalars.last, cut.contains(l) { scalars = scalars.dropLast() } }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    static func formatInt(_ n: Value, _ base: Value) throws(BuiltinError) -> Value? {
        let number = try n.number(1)
        let radix = try base.int(2)
        guard [2, 8, 10, 16].contains(radix) else { throw BuiltinError("operand 2 must be one of {2, 8, 10, 16}") }
        let truncated = Arithmetic.rounded(number, .towardZero)
        guard case .int(let i) = truncated else { return nil }
        return .string(String(i, radix: radix))
    }
}
