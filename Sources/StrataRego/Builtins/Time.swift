import BigInt
import Foundation
import StrataRegoAST

/// `time.*`: nanoseconds since the epoch (UTC unless a time zone is given).
enum Time {
    static let builtins: [Builtin] = [
        Builtin("time.now_ns", arity: 0) { (_, ctx) in .number(.int(BigInt(ctx.nowNanoseconds))) },
        .unary("time.parse_rfc3339_ns") { (s) throws(BuiltinError) in .number(.int(BigInt(try RFC3339.parse(try s.string(1))))) },
        .binary("time.parse_ns") { (layout, s) throws(BuiltinError) in
            .number(.int(BigInt(try GoLayout.parse(try layout.string(1), try s.string(2)))))
        },
        .unary("time.parse_duration_ns") { (s) throws(BuiltinError) in .number(try Duration.parse(try s.string(1))) },
        .unary("time.date") { (v) throws(BuiltinError) in
            let c = try components(v)
            return .array([.int(c.year!), .int(c.month!), .int(c.day!)])
        },
        .unary("time.clock") { (v) throws(BuiltinError) in
            let c = try components(v)
            return .array([.int(c.hour!), .int(c.minute!), .int(c.second!)])
        },
        .unary("time.weekday") { (v) throws(BuiltinError) in
            let names = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
            return .string(names[(try components(v).weekday! - 1)])
        },
        Builtin("time.add_date", arity: 4) { (a, _) throws(BuiltinError) in
            let ns = try a[0].int64(1)
            var c = try components(a[0])
            c.year! += try a[1].int(2)
            c.month! += try a[2].int(3)
            c.day! += try a[3].int(4)
            let nanos = Int((ns % 1_000_000_000 + 1_000_000_000) % 1_000_000_000)
            c.nanosecond = 0
            guard let date = utcCalendar.date(from: c) else { throw BuiltinError("time outside of valid range") }
            let result = BigInt(Int64(date.timeIntervalSince1970.rounded())) * 1_000_000_000 + BigInt(nanos)
            guard Int64(exactly: result) != nil else { throw BuiltinError("time outside of valid range") }
            return .number(.int(result))
        },
        .binary("time.diff") { (a, b) throws(BuiltinError) in
            let x = try date(a), y = try date(b)
            let (early, late) = x < y ? (x, y) : (y, x)
            let d = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: early, to: late)
            return .array([d.year!, d.month!, d.day!, d.hour!, d.minute!, d.second!].map(Value.int))
        },
        .unary("time.format") { (v) throws(BuiltinError) in
            let (ns, zone) = try nanoseconds(v)
            var layout = "2006-01-02T15:04:05.999999999Z07:00"
            if case .array(let parts) = v, parts.count == 3 { layout = try parts[2].string(1) }
            return .string(GoTimeFormat.format(nanoseconds: ns, zone: zone, layout: layout))
        },
    ]

    static let utcCalendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    static func nanoseconds(_ v: Value) throws(BuiltinError) -> (Int64, TimeZone) {
        switch v {
        case .number: return (try v.int64(1), TimeZone(identifier: "UTC")!)
        case .array(let parts) where parts.count == 2 || parts.count == 3:
            let ns = try parts[0].int64(1)
            let name = try parts[1].string(1)
            guard let tz = name.isEmpty || name == "UTC" ? TimeZone(identifier: "UTC") : (name == "Local" ? .current : TimeZone(identifier: name)) else {
                throw BuiltinError("unknown time zone \(name)")
            }
            return (ns, tz)
        default: throw v.operandError(1, "either number (ns) or [number (ns), string (tz)]")
        }
    }

    static func date(_ v: Value) throws(BuiltinError) -> Date {
        let (ns, _) = try nanoseconds(v)
        return Date(timeIntervalSince1970: Double(ns.dividedFloor(1_000_000_000)))
    }

    static func components(_ v: Value) throws(BuiltinError) -> DateComponents {
        let (ns, tz) = try nanoseconds(v)
        var cal = utcCalendar
        cal.timeZone = tz
        let seconds = Double(ns.dividedFloor(1_000_000_000))
        return cal.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: Date(timeIntervalSince1970: seconds))
    }
}

extension Int64 {
    func dividedFloor(_ d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}

/// Go `time.ParseDuration`.
enum Duration {
    static let units: [(String, BigInt)] = [("ns", 1), ("us", 1_000), ("µs", 1_000), ("μs", 1_000), ("ms", 1_000_000),
                                           ("s", 1_000_000_000), ("m", 60_000_000_000), ("h", 3_600_000_000_000)]

    static func parse(_ s: String) throws(BuiltinError) -> RegoNumber {
        var rest = Substring(s)
        var negative = false
        if rest.first == "-" || rest.first == "+" { negative = rest.first == "-"; rest = rest.dropFirst() }
        if rest == "0" { return .int(0) }
        guard !rest.isEmpty else { throw BuiltinError("time: invalid duration \(Value.quoted(s))") }
        var total = 0.0
        while !rest.isEmpty {
            let num = rest.prefix { $0.isNumber || $0 == "." }
            guard !num.isEmpty, let value = Double(num) else { throw BuiltinError("time: invalid duration \(Value.quoted(s))") }
            rest = rest.dropFirst(num.count)
            let unitText = rest.prefix { !$0.isNumber && $0 != "." }
            guard let unit = units.first(where: { $0.0 == unitText }) else {
                throw BuiltinError(unitText.isEmpty ? "time: missing unit in duration \(Value.quoted(s))" : "time: unknown unit \(Value.quoted(String(unitText))) in duration \(Value.quoted(s))")
            }
            total += value * Double(unit.1)
            rest = rest.dropFirst(unitText.count)
        }
        return .int(BigInt(negative ? -total : total))
    }
}
