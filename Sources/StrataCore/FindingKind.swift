/// What kind of problem a finding describes; also the scanner family that produced it.
public enum FindingKind: String, Codable, Sendable, CaseIterable {
    case vulnerability
    case misconfiguration
    case secret
    case license
}
