import StrataCore

/// The `rules` array of a SARIF run: one descriptor per distinct rule id, in order of first
/// appearance, carrying what code scanning shows as the alert's help.
struct SARIFRules {
    var descriptors: [JSONValue] = []
    var index: [String: Int] = [:]

    init(_ findings: [Finding]) {
        for f in findings where index[f.ruleID] == nil {
            index[f.ruleID] = descriptors.count
            descriptors.append(SARIFRules.descriptor(f))
        }
    }

    static func descriptor(_ f: Finding) -> JSONValue {
        let fix = f.remediation ?? "See the references."
        let refs = f.references.map { "- \($0)" }.joined(separator: "\n")
        let helpText = "\(f.title)\nSeverity: \(f.severity.rawValue)\nFix: \(fix)" + (refs.isEmpty ? "" : "\nReferences:\n\(refs)")
        let helpMarkdown = "**\(f.title)**\n\n| Severity | Kind |\n| --- | --- |\n| \(f.severity.rawValue) | \(f.kind.rawValue) |\n\n**Fix:** \(fix)" + (refs.isEmpty ? "" : "\n\n**References**\n\(refs)")
        return .compact([
            ("id", .string(f.ruleID)),
            ("name", .string(ruleName(f))),
            ("shortDescription", ["text": .string(f.title.isEmpty ? f.ruleID : f.title)]),
            ("fullDescription", ["text": .string(f.title.isEmpty ? f.ruleID : f.title)]),
            ("helpUri", f.references.first.map { .string($0) }),
            ("help", ["text": .string(helpText), "markdown": .string(helpMarkdown)]),
            ("defaultConfiguration", ["level": .string(level(f.severity))]),
            ("properties", [
                "precision": "very-high",
                "security-severity": .string(securitySeverity(f.severity)),
                "tags": .array(["security", .string(f.kind.rawValue), .string(f.severity.rawValue)]),
            ]),
        ])
    }

    /// PascalCase name derived from the title, as SARIF viewers expect an identifier here.
    static func ruleName(_ f: Finding) -> String {
        let words = f.title.split { !$0.isLetter && !$0.isNumber }
        let name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return name.isEmpty ? f.ruleID : name
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .unknown: "note"
        }
    }

    /// GitHub maps these to its critical (≥ 9.0), high (≥ 7.0), medium (≥ 4.0), low bands.
    static func securitySeverity(_ s: Severity) -> String {
        switch s {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "2.0"
        case .unknown: "0.0"
        }
    }
}
