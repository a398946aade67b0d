import Foundation
import StrataCore

/// A fixed report with one finding of each kind, awkward characters, diagnostics and a
/// suppressed finding, for golden tests of every output format.
public enum SampleReport {
    public static let createdAt = Date(timeIntervalSince1970: 1_780_000_000)

    public static func make() -> Report {
        let findings = [
            Finding(
                kind: .misconfiguration, ruleID: "STRATA-K8S-0001", title: "Container runs as privileged",
                severity: .high, target: "deploy/app.yaml",
                location: SourceLocation(path: "deploy/app.yaml", startLine: 12, endLine: 18),
                resource: ResourceIdentity(kind: "Deployment", namespace: "prod", name: "web"),
                message: "Container 'web' of Deployment 'web' sets securityContext.privileged: true",
                remediation: "Set securityContext.privileged to false.",
                references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/"],
                compliance: [ComplianceMapping(framework: "CIS-K8S", control: "5.2.1")]),
            Finding(
                kind: .secret, ruleID: "aws-access-key-id", title: "AWS access key ID", severity: .critical,
                target: "src/config \"prod\".py",
                location: SourceLocation(path: "src/config \"prod\".py", startLine: 3, startColumn: 9),
                message: "key = \"AKIA************MPLE\" <redacted> & more",
                remediation: "Revoke the key in IAM and load credentials from the environment.",
                fingerprintHint: "fixed-secret-hash"),
            Finding(
                kind: .vulnerability, ruleID: "GHSA-xxxx-yyyy-zzzz", aliases: ["CVE-2026-0001"],
                title: "requests: header leak on redirect", severity: .medium, target: "requirements.txt",
                location: SourceLocation(path: "requirements.txt", startLine: 1),
                message: "requests 2.19.0 is affected; fixed in 2.20.0",
                package: PackageFacts(name: "requests", installedVersion: "2.19.0", fixedVersions: ["2.20.0"], purl: "pkg:pypi/requests@2.19.0", ecosystem: "PyPI")),
            Finding(
                kind: .license, ruleID: "license-agpl", title: "AGPL-3.0 licensed dependency", severity: .low,
                target: "package-lock.json", message: "left-pad 1.3.0 is AGPL-3.0-only"),
        ]
        let suppressed = SuppressedFinding(
            finding: Finding(
                kind: .misconfiguration, ruleID: "STRATA-K8S-0002", title: "Image tag is latest", severity: .low,
                target: "deploy/app.yaml", location: SourceLocation(path: "deploy/app.yaml", startLine: 20),
                message: "Container 'web' uses image tag 'latest'"),
            source: .ignoreFile, reason: "pinned by the release pipeline", origin: ".strataignore:2")
        let diagnostics = [
            Diagnostic(code: .fileUnreadable, location: SourceLocation(path: "secret/db.key"), reason: "cannot open: Permission denied"),
            Diagnostic(level: .warning, code: .symlinkEscape, location: SourceLocation(path: "etc-link"), reason: "symlink points outside the scanned root (/etc); not followed"),
        ]
        return Report(
            createdAt: createdAt, artifact: Artifact(name: ".", kind: .filesystem), findings: findings,
            diagnostics: diagnostics, suppressed: [suppressed])
    }
}
