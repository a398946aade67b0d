/// Which UTF-8 lead bytes can start a match, so the search can skip ahead while no thread is alive.
enum FirstBytes {
    /// `passBeginText`: treat `^`/`\A` as empty (for anchored programs, whose matches all start at 0).
    static func table(_ p: Program, passBeginText: Bool = false) -> [Bool]? {
        var table = [Bool](repeating: false, count: 256)
        var seen = Set<Int32>()
        var stack = [p.start]
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            let inst = p.insts[Int(pc)]
            switch inst.op {
            case .nop, .save: stack.append(inst.out)
            case .split: stack.append(inst.out); stack.append(inst.arg)
            case .assert where passBeginText && inst.arg == Int32(RegexAssertion.beginText.rawValue): stack.append(inst.out)
            case .assert, .match, .any, .anyNotNewline: return nil
            case .rune: mark(UInt32(bitPattern: inst.arg), UInt32(bitPattern: inst.arg), &table)
            case .charClass:
                for (lo, hi) in p.classes[Int(inst.arg)].pairs { mark(lo, hi, &table) }
            }
        }
        // Continuation bytes never start a scalar; the skip must land on scalar boundaries.
        for byte in 0x80...0xBF { table[byte] = false }
        // Nearly every byte can start a match: skipping would not pay.
        return table.filter { $0 }.count > 200 ? nil : table
    }

    /// Lead bytes grow with the scalar value, so a range of scalars covers a range of lead bytes.
    private static func mark(_ lo: UInt32, _ hi: UInt32, _ table: inout [Bool]) {
        let a = lead(lo), b = lead(hi)
        for byte in a...b { table[Int(byte)] = true }
    }

    static func lead(_ c: UInt32) -> UInt8 {
        switch c {
        case 0..<0x80: UInt8(c)
        case 0x80..<0x800: UInt8(0xC0 | (c >> 6))
        case 0x800..<0x10000: UInt8(0xE0 | (c >> 12))
        default: UInt8(0xF0 | min(c >> 18, 0x7))
        }
    }
}
