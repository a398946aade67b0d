/// The rules Strata ships: `Resources/rules.yaml`, embedded at build time by
/// `scripts/embed-secret-rules.py` (see `BuiltinSecretRules+YAML.swift`).
public enum BuiltinSecretRules {
    public static let path = "builtin:secret-rules.yaml"
    public static var yaml: String { embedded }
}
