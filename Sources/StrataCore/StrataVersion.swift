/// The release this build reports in `strata version`, reports and SARIF.
public enum StrataVersion {
    public static let current = "0.1.0"
}
