import StrataRegoAST

/// `json.filter`, `json.remove`, `json.patch`.
enum JSONPaths {
    static let builtins: [Builtin] = [
        .binary("json.filter") { (o, p) throws(BuiltinError) in
            guard o.isCollection, !o.isSet else { throw o.operandError(1, "object") }
            return filter(o, try paths(p))
        },
        .binary("json.remove") { (o, p) throws(BuiltinError) in
            guard case .object = o else { throw o.operandError(1, "object") }
            return remove(o, try paths(p))
        },
        .binary("json.patch") { (o, p) throws(BuiltinError) in
            var doc = o
            for op in try p.array(2) { guard let next = try JSONPatch.apply(op, to: doc) else { return nil }; doc = next }
            return doc
        },
    ]

    /// Paths as `"a/b/c"` strings or `["a", "b"]` arrays.
    static func paths(_ v: Value) throws(BuiltinError) -> [[Value]] {
        var out: [[Value]] = []
        for p in try v.elements(2, allowed: "one of {array, set}") {
            switch p {
            case .string(let s): out.append(JSONPatch.pointer(s.hasPrefix("/") ? s : "/" + s))
            case .array(let parts): out.append(parts)
            default: throw BuiltinError.type("operand 2 must be one of {set, array} containing string paths or array of path segments but got \(p.typeName)")
            }
        }
        return out
    }

    static func matches(_ segment: Value, _ key: Value) -> Bool {
        if segment == key { return true }
        if case .number(let n) = key, case .string(let s) = segment { return s == n.description }
        return false
    }

    static func filter(_ v: Value, _ paths: [[Value]]) -> Value {
        if paths.contains(where: \.isEmpty) { return v }
        switch v {
        case .object(let dict):
            var out: [Value: Value] = [:]
            for (k, child) in dict {
                let sub = paths.filter { matches($0[0], k) }.map { Array($0.dropFirst()) }
                if !sub.isEmpty { out[k] = filter(child, sub) }
            }
            return .object(out)
        case .array(let items):
            var out: [Value] = []
            // As in OPA, an array index is selected by its decimal string ("0"), not by a number segment.
            for (i, child) in items.enumerated() {
                let sub = paths.filter { $0[0] == .string(String(i)) }.map { Array($0.dropFirst()) }
                if !sub.isEmpty { out.append(filter(child, sub)) }
            }
            return .array(out)
        case .set(let members):
            // A set member is selected by its value, and filtered further by the rest of the path.
            var out = Set<Value>()
            for m in members {
                let sub = paths.filter { $0[0] == m }.map { Array($0.dropFirst()) }
                if !sub.isEmpty { out.insert(filter(m, sub)) }
            }
            return .set(out)
        default: return v
        }
    }

    static func remove(_ v: Value, _ paths: [[Value]]) -> Value {
        switch v {
        case .object(let dict):
            var out: [Value: Value] = [:]
            for (k, child) in dict {
                let here = paths.filter { !$0.isEmpty && matches($0[0], k) }
                if here.contains(where: { $0.count == 1 }) { continue }
                out[k] = here.isEmpty ? child : remove(child, here.map { Array($0.dropFirst()) })
            }
            return .object(out)
        case .array(let items):
            var out: [Value] = []
            for (i, child) in items.enumerated() {
                let here = paths.filter { !$0.isEmpty && matches($0[0], .int(i)) }
                if here.contains(where: { $0.count == 1 }) { continue }
                out.append(here.isEmpty ? child : remove(child, here.map { Array($0.dropFirst()) }))
            }
            return .array(out)
        default: return v
        }
    }
}

/// RFC 6902 JSON Patch; failures make `json.patch` undefined.
enum JSONPatch {
    static func pointer(_ s: String) -> [Value] {
        s.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            .string($0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~"))
        }
    }

    static func path(_ v: Value?) -> [Value]? {
        switch v {
        case .string(let s)?: return s.isEmpty ? [] : pointer(s.hasPrefix("/") ? s : "/" + s)
        case .array(let a)?: return a
        default: return nil
        }
    }

    static func apply(_ op: Value, to doc: Value) throws(BuiltinError) -> Value? {
        guard case .object(let o) = op, let name = o[.string("op")]?.stringValue, let p = path(o[.string("path")]) else { return nil }
        let value = o[.string("value")]
        if p.isEmpty, name == "add" || name == "replace" { return value }
        switch name {
        case "add": return value.flatMap { add(doc, p[...], $0) }
        case "remove": return remove(doc, p[...])
        case "replace": return value.flatMap { v in remove(doc, p[...]).flatMap { add($0, p[...], v) } }
        case "move", "copy":
            guard let from = path(o[.string("from")]), let v = get(doc, from[...]) else { return nil }
            let base = name == "move" ? remove(doc, from[...]) : doc
            return base.flatMap { add($0, p[...], v) }
        case "test": return value.flatMap { get(doc, p[...]) == $0 ? doc : nil }
        default: return nil
        }
    }

    static func get(_ doc: Value, _ p: ArraySlice<Value>) -> Value? {
        guard let k = p.first else { return doc }
        return child(doc, k).flatMap { get($0, p.dropFirst()) }
    }

    static func child(_ doc: Value, _ k: Value) -> Value? {
        if case .array = doc { return index(k).flatMap { doc[.int($0)] } }
        return doc[k]
    }

    static func index(_ k: Value) -> Int? {
        if case .number(let n) = k { return n.intValue }
        if case .string(let s) = k, let i = Int(s), String(i) == s { return i }
        return nil
    }

    static func add(_ doc: Value, _ p: ArraySlice<Value>, _ v: Value) -> Value? {
        guard let k = p.first else { return v }
        let last = p.count == 1
        switch doc {
        case .object(var dict):
            if last { dict[k] = v; return .object(dict) }
            guard let c = dict[k], let n = add(c, p.dropFirst(), v) else { return nil }
            dict[k] = n
            return .object(dict)
        case .array(var items):
            if last, k == .string("-") { items.append(v); return .array(items) }
            guard let i = index(k), i >= 0, i <= items.count else { return nil }
            if last { items.insert(v, at: i); return .array(items) }
            guard i < items.count, let n = add(items[i], p.dropFirst(), v) else { return nil }
            items[i] = n
            return .array(items)
        case .set(var members):
            if last { members.insert(v); return .set(members) }
            // A path may go through a set member (named by its value): the member is replaced by its patched copy.
            guard members.contains(k), let n = add(k, p.dropFirst(), v) else { return nil }
            members.remove(k)
            members.insert(n)
            return .set(members)
        default: return nil
        }
    }

    static func remove(_ doc: Value, _ p: ArraySlice<Value>) -> Value? {
        // Removing the root leaves no document (null); a later `add` at the root restores one, as in OPA.
        guard let k = p.first else { return .null }
        let last = p.count == 1
        switch doc {
        case .object(var dict):
            guard let c = dict[k] else { return nil }
            if last { dict[k] = nil } else { guard let n = remove(c, p.dropFirst()) else { return nil }; dict[k] = n }
            return .object(dict)
        case .array(var items):
            guard let i = index(k), i >= 0, i < items.count else { return nil }
            if last { items.remove(at: i) } else { guard let n = remove(items[i], p.dropFirst()) else { return nil }; items[i] = n }
            return .array(items)
        case .set(var members):
            guard last, members.remove(k) != nil else { return nil }
            return .set(members)
        default: return nil
        }
    }
}
