/// One column value of an SQLite record (file format §2.1 "Record Format").
enum SQLiteValue: Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    var blob: [UInt8]? { if case .blob(let b) = self { b } else { nil } }
    var text: String? { if case .text(let t) = self { t } else { nil } }
    var integer: Int64? { if case .integer(let i) = self { i } else { nil } }
}
