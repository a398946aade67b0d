/// A run of at least `length` consecutive bytes from `member` that every match of a rule's regex
/// contains (`[A-Za-z0-9]{36}` in `ghp_[A-Za-z0-9]{36}`). Checking a window for such a run is a
/// byte-table scan that usually skips `length` bytes per probe, so windows that cannot match
/// never reach the regex engine. Sound by construction: the class is a superset of what ICU
/// accepts (every byte ≥ 0x80 is a member, case-folded under `(?i)`), and only elements every
/// match must pass through are taken (see `RegexRunAnalyzer`).
struct RequiredRun: Sendable, Equatable {
    /// 256 entries, 1 for member bytes.
    let member: [UInt8]
    let length: Int

    /// Runs shorter than this filter too little to pay for the check.
    static let minimumLength = 6

    /// Whether `p[window]` holds `length` consecutive member bytes. Probes the last byte of each
    /// candidate run and scans backwards, so a non-member skips the whole candidate; bytes already
    /// known to be members are never looked at again, so the scan is linear in the worst case.
    func present(in p: UnsafeBufferPointer<UInt8>, _ window: Range<Int>) -> Bool {
        let n = length, hi = window.upperBound
        return member.withUnsafeBufferPointer { m in
            var start = window.lowerBound, known = start  // [start, known) are members
            while start + n <= hi {
                var i = start + n - 1
                while i >= known, m[Int(p[i])] != 0 { i -= 1 }
                if i < known { return true }
                known = start + n
                start = i + 1
            }
            return false
        }
    }
}
