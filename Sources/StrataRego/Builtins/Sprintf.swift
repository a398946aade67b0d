import Foundation
import StrataRegoAST

/// A Go-style `fmt.Sprintf` for Rego values: verbs v s d f e g x X o b q t c %, width, precision, flags.
enum Sprintf {
    static func format(_ format: String, _ args: [Value]) -> String {
        var out = ""
        var chars = Array(format)[...]
        var argIndex = 0
        while let c = chars.first {
            chars = chars.dropFirst()
            guard c == "%" else { out.append(c); continue }
            var spec = ""
            while let f = chars.first, "+-# 0123456789.".contains(f) { spec.append(f); chars = chars.dropFirst() }
            guard let verb = chars.first else { out += "%!(NOVERB)"; break }
            chars = chars.dropFirst()
            if verb == "%" { out += "%"; continue }
            guard argIndex < args.count else { out += "%!\(verb)(MISSING)"; continue }
            out += apply(verb, spec, args[argIndex])
            argIndex += 1
        }
        if argIndex < args.count {
            out += "%!(EXTRA " + args[argIndex...].map { "\(goType($0))=\(plain($0))" }.joined(separator: ", ") + ")"
        }
        return out
    }

    static func goType(_ v: Value) -> String {
        switch v {
        case .string: return "string"
        case .number(let n): return n.isInteger ? "int64" : "float64"
        case .bool: return "bool"
        default: return "ast.\(v.typeName.capitalized)"
        }
    }

    /// `%v` rendering: strings raw, other values as Rego text.
    static func plain(_ v: Value) -> String {
        if case .string(let s) = v { return s }
        return v.regoString
    }

    private static func apply(_ verb: Character, _ spec: String, _ v: Value) -> String {
        let (flags, width, precision) = parseSpec(spec)
        var body: String
        switch verb {
        case "v": body = plain(v)
        case "s":
            // Go's %s on an int64 or float64 operand is a formatting error; big integers and booleans print.
            if case .number(let n) = v, !n.isInteger || n.intValue != nil { body = "%!s(\(goType(v))=\(plain(v)))" } else { body = plain(v) }
        case "q": body = v.stringValue.map(Value.quoted) ?? plain(v)
        case "t": body = v.boolValue.map { $0 ? "true" : "false" } ?? "%!t(\(plain(v)))"
        case "d": body = integer(v, radix: 10) ?? "%!d(\(goType(v))=\(plain(v)))"
        case "x", "X", "o", "b":
            let radix = verb == "o" ? 8 : (verb == "b" ? 2 : 16)
            if case .string(let s) = v, radix == 16 {
                body = s.utf8.map { String(format: "%02x", $0) }.joined()
            } else {
                body = integer(v, radix: radix) ?? "%!\(verb)(\(plain(v)))"
            }
            if verb == "X" { body = body.uppercased() }
        case "f", "F", "e", "E", "g", "G":
            guard case .number(let n) = v else { return "%!\(verb)(\(plain(v)))" }
            body = floating(n.doubleValue, verb, precision)
        default: body = "%!\(verb)(\(plain(v)))"
        }
        if flags.contains("+"), ["d", "f", "e", "g"].contains(verb), !body.hasPrefix("-") { body = "+" + body }
        return pad(body, width, left: flags.contains("-"), zero: flags.contains("0") && verb != "s")
    }

    private static func parseSpec(_ spec: String) -> (String, Int?, Int?) {
        var flags = "", rest = Substring(spec)
        while let f = rest.first, "+-# 0".contains(f) { flags.append(f); rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        let width = parts.first.flatMap { Int($0) }
        let precision = parts.count > 1 ? (Int(parts[1]) ?? 0) : nil
        return (flags, width, precision)
    }

    private static func integer(_ v: Value, radix: Int) -> String? {
        guard case .number(let n) = v, case .int(let i) = n else { return nil }
        return String(i, radix: radix)
    }

    private static func floating(_ d: Double, _ verb: Character, _ precision: Int?) -> String {
        switch verb {
        case "e", "E":
            let s = String(format: "%.\(precision ?? 6)e", d)
            return verb == "E" ? s.uppercased() : s
        case "g", "G":
            if let precision { return String(format: "%.\(precision)g", d) }
            let magnitude = abs(d)
            if magnitude != 0, magnitude < 1e-4 || magnitude >= 1e21 { return RegoNumber.exponentForm(d) }
            return RegoNumber(d).description
        default:
            return String(format: "%.\(precision ?? 6)f", d)
        }
    }

    private static func pad(_ s: String, _ width: Int?, left: Bool, zero: Bool) -> String {
        guard let width, s.count < width else { return s }
        let fill = String(repeating: zero && !left ? "0" : " ", count: width - s.count)
        if left { return s + fill }
        if zero, s.hasPrefix("-") || s.hasPrefix("+") { return String(s.first!) + fill + s.dropFirst() }
        return fill + s
    }
}
