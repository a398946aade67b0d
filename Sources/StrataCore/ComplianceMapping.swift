/// A link from a finding's rule to a control in a compliance framework (`CIS-K8S 5.2.1`).
public struct ComplianceMapping: Codable, Sendable, Hashable, Comparable {
    public var framework: String
    public var control: String

    public init(framework: String, control: String) {
        self.framework = framework
        self.control = control
    }

    public static func < (lhs: ComplianceMapping, rhs: ComplianceMapping) -> Bool {
        (lhs.framework, lhs.control) < (rhs.framework, rhs.control)
    }

    enum CodingKeys: String, CodingKey { case framework = "Framework", control = "Control" }
}
