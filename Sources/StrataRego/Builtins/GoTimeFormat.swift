import Foundation

/// Go reference-layout formatting (`Mon Jan 2 15:04:05 MST 2006`) for `time.format`.
enum GoTimeFormat {
    static let constants: [String: String] = [
        "ANSIC": "Mon Jan _2 15:04:05 2006", "UnixDate": "Mon Jan _2 15:04:05 MST 2006", "RubyDate": "Mon Jan 02 15:04:05 -0700 2006",
        "RFC822": "02 Jan 06 15:04 MST", "RFC822Z": "02 Jan 06 15:04 -0700", "RFC850": "Monday, 02-Jan-06 15:04:05 MST",
        "RFC1123": "Mon, 02 Jan 2006 15:04:05 MST", "RFC1123Z": "Mon, 02 Jan 2006 15:04:05 -0700",
        "RFC3339": "2006-01-02T15:04:05Z07:00", "RFC3339Nano": "2006-01-02T15:04:05.999999999Z07:00", "Kitchen": "3:04PM",
        "DateTime": "2006-01-02 15:04:05", "DateOnly": "2006-01-02", "TimeOnly": "15:04:05",
    ]

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Layout elements, longest first so `January` wins over `Jan` and `2006` over `2`.
    static let elements = ["January", "Monday", "Z07:00", "-07:00", "-0700", "2006", "Jan", "Mon", "MST", "-07", "Z0700",
                           "01", "02", "_2", "15", "03", "04", "05", "06", "PM", "pm", "1", "2", "3", "4", "5"]

    static func format(nanoseconds ns: Int64, zone: TimeZone, layout rawLayout: String) -> String {
        let layout = constants[rawLayout] ?? rawLayout
        let seconds = ns.dividedFloor(1_000_000_000)
        let nanos = Int(ns - seconds * 1_000_000_000)
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        let date = Date(timeIntervalSince1970: Double(seconds))
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let offset = zone.secondsFromGMT(for: date)
        var out = ""
        var rest = Substring(layout)
        while !rest.isEmpty {
            if let frac = fraction(rest) {
                out += fractionText(nanos, frac)
                rest = rest.dropFirst(frac.count)
                continue
            }
            guard let el = elements.first(where: { rest.hasPrefix($0) }) else {
                out.append(rest.removeFirst())
                continue
            }
            out += render(el, c, offset: offset, zone: zone, date: date)
            rest = rest.dropFirst(el.count)
        }
        return out
    }

    /// `.000` (fixed) or `.999` (trimmed) fraction elements.
    static func fraction(_ s: Substring) -> Substring? {
        guard s.first == "." || s.first == ",", let digit = s.dropFirst().first, digit == "0" || digit == "9" else { return nil }
        let run = s.dropFirst().prefix { $0 == digit }
        if let next = s.dropFirst(1 + run.count).first, next.isNumber { return nil }
        return s.prefix(1 + run.count)
    }

    static func fractionText(_ nanos: Int, _ frac: Substring) -> String {
        let width = frac.count - 1
        var digits = String(String(format: "%09d", nanos).prefix(width))
        if frac.dropFirst().first == "9" {
            while digits.hasSuffix("0") { digits.removeLast() }
            return digits.isEmpty ? "" : String(frac.first!) + digits
        }
        return String(frac.first!) + digits
    }

    static func render(_ el: String, _ c: DateComponents, offset: Int, zone: TimeZone, date: Date) -> String {
        let hour = c.hour!, sign = offset < 0 ? "-" : "+", oh = abs(offset) / 3600, om = abs(offset) % 3600 / 60
        switch el {
        case "January": return months[c.month! - 1]
        case "Jan": return String(months[c.month! - 1].prefix(3))
        case "Monday": return days[c.weekday! - 1]
        case "Mon": return String(days[c.weekday! - 1].prefix(3))
        case "2006": return String(format: "%04d", c.year!)
        case "06": return String(format: "%02d", c.year! % 100)
        case "01": return String(format: "%02d", c.month!)
        case "1": return String(c.month!)
        case "02": return String(format: "%02d", c.day!)
        case "_2": return String(format: "%2d", c.day!)
        case "2": return String(c.day!)
        case "15": return String(format: "%02d", hour)
        case "03": return String(format: "%02d", hour % 12 == 0 ? 12 : hour % 12)
        case "3": return String(hour % 12 == 0 ? 12 : hour % 12)
        case "04": return String(format: "%02d", c.minute!)
        case "4": return String(c.minute!)
        case "05": return String(format: "%02d", c.second!)
        case "5": return String(c.second!)
        case "PM": return hour >= 12 ? "PM" : "AM"
        case "pm": return hour >= 12 ? "pm" : "am"
        case "MST": return zone.abbreviation(for: date) ?? "UTC"
        case "Z07:00": return offset == 0 ? "Z" : String(format: "%@%02d:%02d", sign, oh, om)
        case "Z0700": return offset == 0 ? "Z" : String(format: "%@%02d%02d", sign, oh, om)
        case "-07:00": return String(format: "%@%02d:%02d", sign, oh, om)
        case "-0700": return String(format: "%@%02d%02d", sign, oh, om)
        case "-07": return String(format: "%@%02d", sign, oh)
        default: return el
        }
    }
}
