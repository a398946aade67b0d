import Foundation
@testable import StrataSecrets

/// Shared fixtures: tokens assembled at run time (so this file itself holds no literal secret).
enum TestData {
    static let ruleSet: RuleSet = try! RuleSet.load(config: nil)
    static let engine = SecretEngine(ruleSet: ruleSet)

    static let awsID = "AKIA" + "Z3MQ7RXK2PLV4WTN"
    static let githubPAT = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5"
    static let stripeLive = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc"

    static func ids(_ text: String, path: String = "f.txt") -> [String] {
        engine.scan(Array(text.utf8), path: path).matches.map(\.ruleID)
    }

    static func tempDir(_ name: String = #function) -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("strata-secrets-\(name.filter(\.isLetter))-\(ProcessInfo.processInfo.globallyUniqueString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
