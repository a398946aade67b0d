import StrataRegoAST

/// `semver.is_valid`, `semver.compare` (SemVer 2.0.0 precedence).
enum Semver {
    static let builtins: [Builtin] = [
        .unary("semver.is_valid") { (v) throws(BuiltinError) in
            guard case .string(let s) = v else { return .false }
            return .bool(Version(s) != nil)
        },
        .binary("semver.compare") { (a, b) throws(BuiltinError) in
            let x = try a.string(1), y = try b.string(2)
            guard let va = Version(x) else { throw BuiltinError("semver.compare: operand 1: string \(Value.quoted(x)) is not a valid SemVer") }
            guard let vb = Version(y) else { throw BuiltinError("semver.compare: operand 2: string \(Value.quoted(y)) is not a valid SemVer") }
            return .int(va.compare(vb))
        },
    ]

    struct Version {
        var core: [Int]
        var pre: [String]

        init?(_ s: String) {
            var text = Substring(s)
            if text.first == "v" { text = text.dropFirst() }
            if let plus = text.firstIndex(of: "+") {
                let build = text[text.index(after: plus)...]
                guard !build.isEmpty, build.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(Version.validIdent) else { return nil }
                text = text[..<plus]
            }
            var preText: Substring?
            if let dash = text.firstIndex(of: "-") {
                preText = text[text.index(after: dash)...]
                text = text[..<dash]
            }
            let nums = text.split(separator: ".", omittingEmptySubsequences: false)
            guard nums.count == 3 else { return nil }
            var core: [Int] = []
            for n in nums {
                guard !n.isEmpty, n.allSatisfy(\.isASCIIDigitChar), !(n.count > 1 && n.hasPrefix("0")), let v = Int(n) else { return nil }
                core.append(v)
            }
            self.core = core
            if let preText {
                let ids = preText.split(separator: ".", omittingEmptySubsequences: false)
                guard !preText.isEmpty, ids.allSatisfy(Version.validIdent) else { return nil }
                for id in ids where id.allSatisfy(\.isASCIIDigitChar) && id.count > 1 && id.hasPrefix("0") { return nil }
                pre = ids.map(String.init)
            } else {
                pre = []
            }
        }

        static func validIdent(_ s: Substring) -> Bool {
            !s.isEmpty && s.allSatisfy { $0.isASCIIDigitChar || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "-" }
        }

        func compare(_ o: Version) -> Int {
            for (a, b) in zip(core, o.core) where a != b { return a < b ? -1 : 1 }
            if pre.isEmpty || o.pre.isEmpty { return pre.count == o.pre.count ? 0 : (pre.isEmpty ? 1 : -1) }
            for (a, b) in zip(pre, o.pre) where a != b {
                switch (Int(a), Int(b)) {
                case (let x?, let y?): return x < y ? -1 : 1
                case (.some, nil): return -1
                case (nil, .some): return 1
                default: return a < b ? -1 : 1
                }
            }
            return pre.count == o.pre.count ? 0 : (pre.count < o.pre.count ? -1 : 1)
        }
    }
}

extension Character {
    var isASCIIDigitChar: Bool { ("0"..."9").contains(self) }
}
