/// CVSS v4.0 scores (FIRST specification §8): the vector's macro vector (EQ1–EQ6) selects a
/// score from `CVSS4Table`, which is then lowered by how far the vector sits below the macro
/// vector's most severe member, interpolated towards the next lower macro vectors. Threat and
/// environmental metrics take part when present (modified `M*` metrics replace base ones), so
/// the result is what the spec calls CVSS-B, -BT, -BE or -BTE for the vector given.
enum CVSS4 {
    /// Allowed values per metric; base metrics are mandatory, the rest default to `X`.
    static let mandatory: [(String, Set<String>)] = [
        ("AV", ["N", "A", "L", "P"]), ("AC", ["L", "H"]), ("AT", ["N", "P"]), ("PR", ["N", "L", "H"]),
        ("UI", ["N", "P", "A"]), ("VC", ["H", "L", "N"]), ("VI", ["H", "L", "N"]), ("VA", ["H", "L", "N"]),
        ("SC", ["H", "L", "N"]), ("SI", ["H", "L", "N"]), ("SA", ["H", "L", "N"]),
    ]
    static let optional: [String: Set<String>] = [
        "E": ["X", "A", "P", "U"], "CR": ["X", "H", "M", "L"], "IR": ["X", "H", "M", "L"], "AR": ["X", "H", "M", "L"],
        "MAV": ["X", "N", "A", "L", "P"], "MAC": ["X", "L", "H"], "MAT": ["X", "N", "P"], "MPR": ["X", "N", "L", "H"],
        "MUI": ["X", "N", "P", "A"], "MVC": ["X", "H", "L", "N"], "MVI": ["X", "H", "L", "N"], "MVA": ["X", "H", "L", "N"],
        "MSC": ["X", "H", "L", "N"], "MSI": ["X", "S", "H", "L", "N"], "MSA": ["X", "S", "H", "L", "N"],
        "S": ["X", "N", "P"], "AU": ["X", "N", "Y"], "R": ["X", "A", "U", "I"], "V": ["X", "D", "C"],
        "RE": ["X", "L", "M", "H"], "U": ["X", "Clear", "Green", "Amber", "Red"],
    ]

    /// Severity distance of each value within its metric (0 is the most severe).
    static let levels: [String: [String: Double]] = [
        "AV": ["N": 0.0, "A": 0.1, "L": 0.2, "P": 0.3], "PR": ["N": 0.0, "L": 0.1, "H": 0.2], "UI": ["N": 0.0, "P": 0.1, "A": 0.2],
        "AC": ["L": 0.0, "H": 0.1], "AT": ["N": 0.0, "P": 0.1],
        "VC": ["H": 0.0, "L": 0.1, "N": 0.2], "VI": ["H": 0.0, "L": 0.1, "N": 0.2], "VA": ["H": 0.0, "L": 0.1, "N": 0.2],
        "SC": ["H": 0.1, "L": 0.2, "N": 0.3], "SI": ["S": 0.0, "H": 0.1, "L": 0.2, "N": 0.3], "SA": ["S": 0.0, "H": 0.1, "L": 0.2, "N": 0.3],
        "CR": ["H": 0.0, "M": 0.1, "L": 0.2], "IR": ["H": 0.0, "M": 0.1, "L": 0.2], "AR": ["H": 0.0, "M": 0.1, "L": 0.2],
    ]

    /// The most severe vectors of each EQ level (spec table 24–29), tried in order.
    static let maxima: [Int: [Int: [String]]] = [
        1: [0: ["AV:N/PR:N/UI:N"], 1: ["AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"], 2: ["AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"]],
        2: [0: ["AC:L/AT:N"], 1: ["AC:H/AT:N", "AC:L/AT:P"]],
        4: [0: ["SC:H/SI:S/SA:S"], 1: ["SC:H/SI:H/SA:H"], 2: ["SC:L/SI:L/SA:L"]],
        5: [0: ["E:A"], 1: ["E:P"], 2: ["E:U"]],
    ]
    /// EQ3 and EQ6 are joint: keyed by EQ3 × 10 + EQ6.
    static let maxima36: [Int: [String]] = [
        0: ["VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"],
        1: ["VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"],
        10: ["VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"],
        11: ["VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
             "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"],
        21: ["VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"],
    ]
    /// Depth of each EQ level in steps of 0.1 (spec §8.3); EQ3·EQ6 keyed as above.
    static let depth: [Int: [Int: Double]] = [1: [0: 1, 1: 4, 2: 5], 2: [0: 1, 1: 2], 4: [0: 6, 1: 5, 2: 4]]
    static let depth36: [Int: Double] = [0: 7, 1: 6, 10: 8, 11: 8, 21: 10]

    /// The base score of a `CVSS:4.0/…` vector, or `nil` when it is not a valid vector.
    static func score(_ vector: String) -> Double? {
        guard let metrics = parse(vector) else { return nil }
        let m = Effective(metrics)
        if ["VC", "VI", "VA", "SC", "SI", "SA"].allSatisfy({ m[$0] == "N" }) { return 0 }
        let eq = macroVector(m)
        guard let value = CVSS4Table.score(eq) else { return nil }
        func lower(_ changes: [(Int, Int)]) -> Double? {
            var next = eq
            for (i, d) in changes { next[i] += d }
            return CVSS4Table.score(next)
        }
        let lower36: Double?
        switch (eq[2], eq[5]) {
        case (0, 0): lower36 = [lower([(5, 1)]), lower([(2, 1)])].compactMap { $0 }.max()
        case (1, 0): lower36 = lower([(5, 1)])
        case (0, 1), (1, 1): lower36 = lower([(2, 1)])
        default: lower36 = lower([(2, 1), (5, 1)])
        }
        let key36 = eq[2] * 10 + eq[5]
        // The first combination of per-EQ maxima that the vector does not exceed in any metric.
        // (As in FIRST's reference code, if none qualifies the last one tried is used.)
        var distance: [String: Double] = [:]
        search: for a in maxima[1]![eq[0]]! {
            for b in maxima[2]![eq[1]]! {
                for c in maxima36[key36] ?? [] {
                    for d in maxima[4]![eq[3]]! {
                        let candidate = CVSS.metrics([a, b, c, d].joined(separator: "/"))
                        var delta: [String: Double] = [:]
                        for (metric, table) in levels {
                            guard let ours = table[m[metric]], let theirs = candidate[metric].flatMap({ table[$0] }) else { continue }
                            delta[metric] = ours - theirs
                        }
                        distance = delta
                        if delta.values.allSatisfy({ $0 >= 0 }) { break search }
                    }
                }
            }
        }
        func d(_ k: String) -> Double { distance[k] ?? 0 }
        let current: [(Double?, Double, Double?)] = [
            (lower([(0, 1)]), d("AV") + d("PR") + d("UI"), depth[1]![eq[0]]),
            (lower([(1, 1)]), d("AC") + d("AT"), depth[2]![eq[1]]),
            (lower36, d("VC") + d("VI") + d("VA") + d("CR") + d("IR") + d("AR"), depth36[key36]),
            (lower([(3, 1)]), d("SC") + d("SI") + d("SA"), depth[4]![eq[3]]),
            (lower([(4, 1)]), 0, 1),
        ]
        var existing = 0, total = 0.0
        for (next, distance, steps) in current {
            guard let next, value - next >= 0, let steps else { continue }
            existing += 1
            total += (value - next) * (distance / (steps * 0.1))
        }
        let result = min(10, max(0, value - (existing == 0 ? 0 : total / Double(existing))))
        return ((result + 1e-6) * 10).rounded(.toNearestOrAwayFromZero) / 10
    }

    static func macroVector(_ m: Effective) -> [Int] {
        let av = m["AV"], pr = m["PR"], ui = m["UI"]
        let eq1 = av == "N" && pr == "N" && ui == "N" ? 0 : (av == "N" || pr == "N" || ui == "N") && av != "P" ? 1 : 2
        let eq2 = m["AC"] == "L" && m["AT"] == "N" ? 0 : 1
        let vc = m["VC"] == "H", vi = m["VI"] == "H", va = m["VA"] == "H"
        let eq3 = vc && vi ? 0 : vc || vi || va ? 1 : 2
        let safety = m["MSI"] == "S" || m["MSA"] == "S"
        let eq4 = safety ? 0 : m["SC"] == "H" || m["SI"] == "H" || m["SA"] == "H" ? 1 : 2
        let eq5 = ["A": 0, "P": 1, "U": 2][m["E"]] ?? 0
        let eq6 = (m["CR"] == "H" && vc) || (m["IR"] == "H" && vi) || (m["AR"] == "H" && va) ? 0 : 1
        return [eq1, eq2, eq3, eq4, eq5, eq6]
    }

    /// Metric values as scored: `X` requirements are `H`, `X` exploit maturity is `A`, and a
    /// modified metric other than `X` replaces its base metric.
    struct Effective {
        let metrics: [String: String]
        init(_ metrics: [String: String]) { self.metrics = metrics }

        subscript(_ metric: String) -> String {
            let value = metrics[metric] ?? "X"
            if value == "X", let fallback = ["E": "A", "CR": "H", "IR": "H", "AR": "H"][metric] { return fallback }
            if let modified = metrics["M" + metric], modified != "X" { return modified }
            return value
        }
    }

    /// Metrics of a well-formed vector: the `CVSS:4.0` prefix, every base metric once, known
    /// optional metrics at most once, allowed values only.
    static func parse(_ vector: String) -> [String: String]? {
        let parts = vector.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.first == "CVSS:4.0", parts.count > 1 else { return nil }
        var out: [String: String] = [:]
        for part in parts.dropFirst() {
            let kv = part.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard kv.count == 2, out[kv[0]] == nil else { return nil }
            let allowed = mandatory.first { $0.0 == kv[0] }?.1 ?? optional[kv[0]]
            guard let allowed, allowed.contains(kv[1]) else { return nil }
            out[kv[0]] = kv[1]
        }
        guard mandatory.allSatisfy({ out[$0.0] != nil }) else { return nil }
        return out
    }
}
