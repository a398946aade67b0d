/// A minimal unified diff (whole-file hunk with LCS line matching) for `rego fmt --diff`.
enum TextDiff {
    static func unified(old: String, new: String, path: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out = "--- \(path)\n+++ \(path) (formatted)\n@@ -1,\(a.count) +1,\(b.count) @@\n"
        for line in lines(a, b) { out += line + "\n" }
        return out
    }

    /// Longest-common-subsequence edit script; files to format are small, so O(n·m) is fine.
    static func lines(_ a: [String], _ b: [String]) -> [String] {
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                out.append(" " + a[i]); i += 1; j += 1
            } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
                out.append("+" + b[j]); j += 1
            } else {
                out.append("-" + a[i]); i += 1
            }
        }
        return out
    }
}
