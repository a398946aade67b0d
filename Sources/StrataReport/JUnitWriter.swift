import StrataCore

/// JUnit XML for CI dashboards: a test suite per target, a failing test case per finding, and a
/// suite of errored cases for inputs that could not be scanned.
public struct JUnitWriter: ReportWriter {
    public let id = "junit"
    public let summary = "JUnit XML for CI dashboards"

    public init() {}

    public func render(_ report: Report, options: RenderOptions) throws -> String {
        let total = report.allFindings.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"strata\" tests=\"\(total + report.diagnostics.count)\" failures=\"\(total)\" errors=\"\(report.diagnostics.count)\">\n"
        for result in report.results {
            out += suite(result)
        }
        if !report.diagnostics.isEmpty { out += diagnosticsSuite(report.diagnostics) }
        return out + "</testsuites>\n"
    }

    func suite(_ result: TargetResult) -> String {
        let n = result.findings.count
        var out = "  <testsuite name=\"\(XML.escape(result.target))\" tests=\"\(n)\" failures=\"\(n)\" errors=\"0\" skipped=\"0\">\n"
        for f in result.findings {
            let name = "[\(f.severity.rawValue)] \(f.ruleID)" + (f.location?.startLine.map { " line \($0)" } ?? "")
            out += "    <testcase classname=\"\(XML.escape(result.target))\" name=\"\(XML.escape(name))\">\n"
            var body = f.message
            if let loc = f.location { body += "\nLocation: \(loc.description)" }
            if let fix = f.remediation { body += "\nFix: \(fix)" }
            for ref in f.references { body += "\nSee: \(ref)" }
            out += "      <failure message=\"\(XML.escape(f.title))\" type=\"\(f.severity.rawValue)\">\(XML.escape(body))</failure>\n"
            out += "    </testcase>\n"
        }
        return out + "  </testsuite>\n"
    }

    func diagnosticsSuite(_ diagnostics: [Diagnostic]) -> String {
        var out = "  <testsuite name=\"diagnostics\" tests=\"\(diagnostics.count)\" failures=\"0\" errors=\"\(diagnostics.count)\" skipped=\"0\">\n"
        for d in diagnostics {
            out += "    <testcase classname=\"diagnostics\" name=\"\(XML.escape(d.location.description))\">\n"
            out += "      <error message=\"\(XML.escape(d.reason))\" type=\"\(d.code.rawValue)\"></error>\n"
            out += "    </testcase>\n"
        }
        return out + "  </testsuite>\n"
    }
}

enum XML {
    /// Escapes markup characters and drops code points XML 1.0 cannot carry.
    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            case _ where u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF: out += "\u{FFFD}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
