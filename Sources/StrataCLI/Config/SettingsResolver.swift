import Foundation
import StrataCore

/// Looks a setting up in order: command-line flag, then `STRATA_<NAME>` in the environment,
/// then the config file. Names are the long flag names (`fail-on` → `STRATA_FAIL_ON`).
struct SettingsResolver {
    let environment: [String: String]
    let file: ConfigFile?

    static func envName(_ key: String) -> String {
        "STRATA_" + key.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    func string(_ key: String, flag: String?) -> String? {
        if let flag { return flag }
        if let env = environment[SettingsResolver.envName(key)], !env.isEmpty { return env }
        return file?.values[key]
    }

    func bool(_ key: String, flag: Bool) throws(StrataError) -> Bool {
        if flag { return true }
        guard let text = string(key, flag: nil) else { return false }
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off", "": return false
        default: throw StrataError(.configInvalid, "\(key): expected true or false, got '\(text)'")
        }
    }

    /// Comma-separated lists; repeated flags are joined first.
    func list(_ key: String, flags: [String]) -> [String]? {
        let joined = flags.isEmpty ? string(key, flag: nil) : flags.joined(separator: ",")
        return joined.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }
}
