import StrataRegoAST

/// `--coverage` as OPA writes it: per file the covered and not covered row ranges, line counts and a percentage.
/// Coverable rows are rule heads and body expressions (also inside comprehensions, `every` and `else`).
public enum CoverageReport {
    public static func coverableRows(_ modules: [Module]) -> [String: Set<Int>] {
        var out: [String: Set<Int>] = [:]
        for m in modules {
            var rows = Set<Int>()
            for r in m.rules {
                rows.insert(r.location.row)
                collect(r.body, into: &rows)
                for clause in r.elseChain { rows.insert(clause.location.row); collect(clause.body, into: &rows) }
            }
            out[m.file, default: []].formUnion(rows)
        }
        return out
    }

    private static func collect(_ body: [Expr], into rows: inout Set<Int>) {
        for e in body {
            rows.insert(e.location.row)
            if case .every(_, _, _, let inner) = e.kind { collect(inner, into: &rows) }
            e.visitTerms { t in
                t.visit { sub in
                    switch sub.kind {
                    case .arrayComprehension(_, let inner), .setComprehension(_, let inner), .objectComprehension(_, _, let inner):
                        collect(inner, into: &rows)
                    default: break
                    }
                }
            }
        }
    }

    /// The JSON document (`{"files": {…}, "covered_lines", "not_covered_lines", "coverage"}`).
    public static func json(modules: [Module], covered: [String: Set<Int>]) -> Value {
        var files: [Value: Value] = [:]
        var totalCovered = 0, totalNot = 0
        for (file, rows) in coverableRows(modules).sorted(by: { $0.key < $1.key }) {
            let hit = rows.intersection(covered[file] ?? [])
            let miss = rows.subtracting(hit)
            totalCovered += hit.count
            totalNot += miss.count
            var entry: [Value: Value] = [.string("covered_lines"): .int(hit.count), .string("not_covered_lines"): .int(miss.count),
                                         .string("coverage"): percent(hit.count, rows.count)]
            if !hit.isEmpty { entry[.string("covered")] = ranges(hit) }
            if !miss.isEmpty { entry[.string("not_covered")] = ranges(miss) }
            files[.string(file)] = .object(entry)
        }
        return .object([.string("files"): .object(files), .string("covered_lines"): .int(totalCovered),
                        .string("not_covered_lines"): .int(totalNot), .string("coverage"): percent(totalCovered, totalCovered + totalNot)])
    }

    private static func percent(_ part: Int, _ whole: Int) -> Value {
        guard whole > 0 else { return .int(0) }
        return .number(RegoNumber((Double(part) * 10_000 / Double(whole)).rounded() / 100))
    }

    /// Consecutive rows as `{"start": {"row": a}, "end": {"row": b}}` ranges.
    static func ranges(_ rows: Set<Int>) -> Value {
        var out: [Value] = []
        var start: Int?, end = 0
        for r in rows.sorted() {
            if let s = start, r == end + 1 { end = r; _ = s; continue }
            if let s = start { out.append(range(s, end)) }
            start = r
            end = r
        }
        if let s = start { out.append(range(s, end)) }
        return .array(out)
    }

    private static func range(_ a: Int, _ b: Int) -> Value {
        .object([.string("start"): .object([.string("row"): .int(a)]), .string("end"): .object([.string("row"): .int(b)])])
    }
}
