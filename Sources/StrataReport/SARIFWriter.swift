import StrataCore

/// SARIF 2.1.0 for code scanning (GitHub and others): one run, a rule per distinct id with help
/// text and `security-severity`, results with physical locations relative to the scan root and
/// `partialFingerprints` so alerts keep their identity across pushes.
public struct SARIFWriter: ReportWriter {
    public let id = "sarif"
    public let summary = "SARIF 2.1.0 for code scanning"

    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    public init() {}

    public func render(_ report: Report, options: RenderOptions) throws -> String {
        let findings = report.allFindings
        let rules = SARIFRules(findings)
        let run: JSONValue = [
            "tool": ["driver": JSONValue.compact([
                ("name", "strata"),
                ("fullName", "Strata cloud native security scanner"),
                ("version", .string(report.tool.version)),
                ("semanticVersion", .string(report.tool.version)),
                ("informationUri", .string(report.tool.informationURI)),
                ("rules", .array(rules.descriptors)),
            ])],
            "results": .array(findings.map { result($0, ruleIndex: rules.index[$0.ruleID]!) }),
            "invocations": [invocation(report)],
            "originalUriBaseIds": ["ROOTPATH": ["uri": "file:///"]],
            "columnKind": "utf16CodeUnits",
        ]
        let doc: JSONValue = ["version": "2.1.0", "$schema": .string(SARIFWriter.schemaURI), "runs": [run]]
        return doc.serialized() + "\n"
    }

    func result(_ f: Finding, ruleIndex: Int) -> JSONValue {
        let loc = f.location ?? SourceLocation(path: f.target)
        let region: JSONValue = .compact([
            ("startLine", .int(max(loc.startLine ?? 1, 1))),
            ("endLine", .int(max(loc.endLine ?? loc.startLine ?? 1, 1))),
            ("startColumn", loc.startColumn.map { .int($0) }),
        ])
        var message = f.message.isEmpty ? f.title : f.message
        if let fix = f.remediation { message += "\nFix: \(fix)" }
        return [
            "ruleId": .string(f.ruleID),
            "ruleIndex": .int(ruleIndex),
            "level": .string(SARIFRules.level(f.severity)),
            "message": ["text": .string(message)],
            "locations": [[
                "physicalLocation": [
                    "artifactLocation": ["uri": .string(SARIFWriter.uri(loc.path)), "uriBaseId": "ROOTPATH"],
                    "region": region,
                ],
            ]],
            "partialFingerprints": ["strataFingerprint/v1": .string(f.fingerprint)],
        ]
    }

    func invocation(_ report: Report) -> JSONValue {
        let notes: [JSONValue] = report.diagnostics.map { d in
            [
                "level": .string(d.level == .error ? "error" : "warning"),
                "message": ["text": .string("\(d.location.description): \(d.reason)")],
                "descriptor": ["id": .string(d.code.rawValue)],
            ]
        }
        return ["executionSuccessful": true, "toolExecutionNotifications": .array(notes)]
    }

    /// Percent-encodes what a URI reference cannot hold, keeping `/`.
    static func uri(_ path: String) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()*+,;=:@".utf8)
        var out = ""
        for b in path.utf8 {
            if allowed.contains(b) { out.unicodeScalars.append(Unicode.Scalar(b)) } else { out += String(format: "%%%02X", b) }
        }
        return out
    }
}
