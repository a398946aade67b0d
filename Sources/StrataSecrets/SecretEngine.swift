import Foundation

/// Finds secrets in a buffer: keyword prefilter (Aho–Corasick over all rules' keywords), then
/// each rule's regex only on bounded windows around its keywords, then entropy and allowlists.
/// A value type over an immutable `RuleSet`; safe to call from many threads.
public struct SecretEngine: Sendable {
    public let ruleSet: RuleSet
    /// A file with more secrets than this is generated data; the rest are dropped with a warning.
    public static let maxMatchesPerFile = 1000

    /// Off only in tests that compare findings with and without the pre-checks (`RequiredRun`,
    /// `ShapeAutomaton`).
    let usesPrechecks: Bool

    public init(ruleSet: RuleSet) {
        self.init(ruleSet: ruleSet, usesPrechecks: true)
    }

    init(ruleSet: RuleSet, usesPrechecks: Bool) {
        self.ruleSet = ruleSet
        self.usesPrechecks = usesPrechecks
    }

    public func scan(_ raw: [UInt8], path: String) -> EngineResult {
        if ruleSet.isAllowedPath(path) { return .skipped(.allowlistedPath) }
        if TextSniffer.verdict(raw) != .text { return .skipped(.binary) }
        let bytes = TextSniffer.sanitized(raw) ?? raw
        let windows = collectWindows(bytes, path: path)
        var seen = Set<SecretMatch>()
        var matches: [SecretMatch] = []
        for (r, ranges) in windows.sorted(by: { $0.key < $1.key }) {
            let rule = ruleSet.rules[r]
            for w in ranges {
                for m in match(rule, index: r, in: bytes, window: w) where seen.insert(m).inserted { matches.append(m) }
            }
        }
        let kept = SecretEngine.preferSpecific(matches)
        let truncated = kept.count > SecretEngine.maxMatchesPerFile
        return EngineResult(matches: Array(kept.prefix(SecretEngine.maxMatchesPerFile)), skipped: nil, text: bytes, truncated: truncated)
    }

    /// Windows per rule index around every keyword occurrence. The per-hit path touches only
    /// flat arrays (no rule values are copied), since dense files produce a hit every few bytes.
    func collectWindows(_ bytes: [UInt8], path: String) -> [Int: [Range<Int>]] {
        let rs = ruleSet
        // Per rule: -1 not met yet in this file, -2 does not apply to its path, else the index of
        // its builder (builders exist only for the rules a file's keywords name).
        var slot = [Int32](repeating: -1, count: rs.rules.count)
        var builders: [WindowBuilder] = []
        var touched: [Int] = []
        var sink = WindowSink()
        var out: [Int: [Range<Int>]] = [:]
        bytes.withUnsafeBufferPointer { p in
            // The keyword→rule table through buffer pointers taken once: see `RuleSet.keywordRuleStart`.
            rs.keywordRuleStart.withUnsafeBufferPointer { starts in
                rs.keywordRules.withUnsafeBufferPointer { ruleList in
                    rs.matcher.scan(p) { k, end in
                        let k0 = end - rs.keywordLengths[k]
                        for j in Int(starts[k])..<Int(starts[k + 1]) {
                            let r = Int(ruleList[j])
                            var b = Int(slot[r])
                            if b == -1 {
                                if !rs.pathScoped[r] || rs.rules[r].applies(to: path) {
                                    b = builders.count
                                    builders.append(WindowBuilder())
                                    touched.append(r)
                                } else {
                                    b = -2
                                }
                                slot[r] = Int32(b)
                            }
                            if b >= 0, !builders[b].covers(p, k0..<end, multiline: rs.multiline[r]) {
                                builders[b].addHit(p, k0..<end, radius: rs.radii[r], multiline: rs.multiline[r], owner: b, into: &sink)
                            }
                        }
                    }
                }
            }
            for b in builders.indices { builders[b].finish(owner: b, into: &sink) }
            var checks: [ShapeCheck] = []
            var shapes: [ShapeAutomaton] = []
            for (r, group) in zip(touched, sink.byOwner(count: touched.count)) {
                // A keyword-led rule cannot match before its window's first keyword (`WindowBuilder`).
                let lead = rs.leadLengths[r]
                let from = zip(group.windows, group.leadEnds).map { w, end in lead.map { max(w.lowerBound, end - $0) } ?? w.lowerBound }
                keep(group.windows, from: from, rule: r, p, into: &out, checks: &checks, shapes: &shapes)
            }
            for r in rs.keywordless where rs.rules[r].applies(to: path) {
                let windows = WindowBuilder.chunks(count: p.count, overlap: rs.radii[r])
                keep(windows, from: windows.map(\.lowerBound), rule: r, p, into: &out, checks: &checks, shapes: &shapes)
            }
            ShapeCheck.run(checks, shapes: shapes, p, into: &out)
        }
        return out
    }

    /// Stores the windows of rule `r` that pass its pre-checks: the required run (a skipping
    /// scan) here, then the shape automaton (one pass over the window; built only once a window
    /// has passed the run), two windows at a time, in `ShapeCheck.run`. A window either rejects
    /// cannot contain a match, and both are much cheaper than the regex. Both look at
    /// `from[i]..<windows[i].upperBound` only; the regex later gets the whole window.
    private func keep(_ windows: [Range<Int>], from: [Int], rule r: Int, _ p: UnsafeBufferPointer<UInt8>,
                      into out: inout [Int: [Range<Int>]], checks: inout [ShapeCheck], shapes: inout [ShapeAutomaton]) {
        var kept = Array(zip(windows, from))
        if usesPrechecks, let run = ruleSet.requiredRuns[r] { kept = kept.filter { run.present(in: p, $1..<$0.upperBound) } }
        if kept.isEmpty { return }
        if usesPrechecks, let shape = ruleSet.shapes.shape(r) {
            shapes.append(shape)
            for (w, start) in kept { checks.append(ShapeCheck(rule: r, window: w, from: start, shape: shapes.count - 1)) }
        } else {
            out[r] = kept.map(\.0)
        }
    }

    func match(_ rule: CompiledRule, index: Int, in bytes: [UInt8], window w: Range<Int>) -> [SecretMatch] {
        let slice = bytes[w]
        let text = String(decoding: slice, as: UTF8.self)
        let ascii = slice.allSatisfy { $0 < 0x80 }
        var out: [SecretMatch] = []
        for groups in rule.regex.matches(in: text) {
            let whole = groups[0], sec = groups[rule.secretGroup]
            guard sec.location != NSNotFound, sec.length > 0 else { continue }
            let secRange = SecretEngine.byteRange(sec, in: text, ascii: ascii, base: w.lowerBound)
            let matchRange = SecretEngine.byteRange(whole, in: text, ascii: ascii, base: w.lowerBound)
            let secret = String(decoding: bytes[secRange], as: UTF8.self)
            if let threshold = rule.spec.entropy, Entropy.shannon(bytes[secRange]) < threshold { continue }
            if ruleSet.isAllowed(secret: secret, rule: rule) { continue }
            out.append(SecretMatch(ruleIndex: index, ruleID: rule.spec.id, secret: secret, secretRange: secRange, matchRange: matchRange))
        }
        return out
    }

    static func byteRange(_ r: NSRange, in text: String, ascii: Bool, base: Int) -> Range<Int> {
        if ascii { return (base + r.location)..<(base + r.location + r.length) }
        let u16 = text.utf16
        let s = u16.index(u16.startIndex, offsetBy: r.location)
        let e = u16.index(s, offsetBy: r.length)
        let lo = text.utf8.distance(from: text.startIndex, to: s)
        return (base + lo)..<(base + lo + text.utf8.distance(from: s, to: e))
    }

    /// A `generic-*` rule's match is dropped when a specific rule found an overlapping secret.
    /// Sorted sweep: O(m log m) for m matches.
    static func preferSpecific(_ matches: [SecretMatch]) -> [SecretMatch] {
        let specific = matches.filter { !$0.ruleID.hasPrefix("generic-") }.map(\.secretRange).sorted { $0.lowerBound < $1.lowerBound }
        var maxUpper: [Int] = []
        for r in specific { maxUpper.append(max(maxUpper.last ?? Int.min, r.upperBound)) }
        let kept = matches.filter { m in
            guard m.ruleID.hasPrefix("generic-") else { return true }
            var lo = 0, hi = specific.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if specific[mid].lowerBound < m.secretRange.upperBound { lo = mid + 1 } else { hi = mid }
            }
            return lo == 0 || maxUpper[lo - 1] <= m.secretRange.lowerBound
        }
        return kept.sorted { ($0.secretRange.lowerBound, $0.ruleID) < ($1.secretRange.lowerBound, $1.ruleID) }
    }
}
