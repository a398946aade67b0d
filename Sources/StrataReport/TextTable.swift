/// A box-drawn text table with columns sized to their widest cell.
struct TextTable {
    let header: [String]
    let rows: [[String]]

    /// `style` decorates a body cell after padding is computed on the plain text.
    func render(style: (Int, Int, String) -> String = { _, _, t in t }) -> String {
        let widths = header.indices.map { c in ([header[c]] + rows.map { $0[c] }).map(\.count).max() ?? 0 }
        func rule(_ l: String, _ m: String, _ r: String) -> String {
            l + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: m) + r + "\n"
        }
        func line(_ cells: [String], row: Int?) -> String {
            let padded = cells.enumerated().map { c, text -> String in
                let pad = String(repeating: " ", count: widths[c] - text.count)
                let shown = row.map { style($0, c, text) } ?? text
                return " " + shown + pad + " "
            }
            return "│" + padded.joined(separator: "│") + "│\n"
        }
        var out = rule("┌", "┬", "┐") + line(header, row: nil) + rule("├", "┼", "┤")
        for (i, r) in rows.enumerated() { out += line(r, row: i) }
        return out + rule("└", "┴", "┘")
    }
}
