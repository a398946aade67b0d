// swift-tools-version: 6.0
import PackageDescription

// Dependencies are deliberate (ARCHITECTURE.md § Dependencies):
// - swift-argument-parser: the CLI surface (one command per type, help, completion).
// - Yams: YAML with source marks (config, secret rules, pnpm locks, test data).
// - GRDB: the SQLite vulnerability database, with migrations.
// - ZIPFoundation: streaming OSV zip exports and Java archives, with bounded decompression.
// - BigInt: Rego numbers are arbitrary precision, as in OPA.
// - swift-crypto: Rego's crypto.* and io.jwt.* builtins (hashes, HMAC, signatures; _CryptoExtras for RSA);
//   streaming SHA-256 that checks image blobs and layer diff ids against their digests.
// - swift-certificates, swift-asn1: Rego's crypto.x509.* (DER/PEM certificates, CSRs, keys) and JWT x5c/PEM keys.
let package = Package(
    name: "strata",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "strata", targets: ["strata"]),
        .library(name: "StrataRego", targets: ["StrataRego"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
    ],
    targets: [
        // Domain and sources.
        .target(name: "StrataCore"),
        .target(name: "StrataArtifact", dependencies: [
            "StrataCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "StrataVersioning"),
        .target(
            name: "StrataAnalyzers",
            dependencies: [
                "StrataCore", "StrataArtifact", .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // Engines. The Rego engine depends on nothing else of Strata.
        .target(name: "StrataRegoAST", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        // Go-syntax (RE2) regular expressions, linear time; used by Rego's regex builtins.
        .target(name: "StrataRegex"),
        .target(name: "StrataRego", dependencies: [
            "StrataRegoAST", "StrataRegex",
            .product(name: "BigInt", package: "BigInt"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
            .product(name: "Yams", package: "Yams"),
        ],
        // Whole-module optimisation of this module ran for more than 30 minutes of CPU without
        // finishing (the evaluator's large files); per-file optimisation builds it in minutes, and
        // the other modules keep whole-module optimisation (cross-file inlining on hot paths).
        swiftSettings: [.unsafeFlags(["-no-whole-module-optimization"], .when(configuration: .release))]),
        .target(
            name: "StrataSecrets",
            dependencies: ["StrataCore", "StrataArtifact", .product(name: "Yams", package: "Yams")],
            exclude: ["Resources/rules.yaml"]),
        .target(
            name: "StrataVulnDB",
            dependencies: [
                "StrataCore", "StrataVersioning",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // Orchestration, reports, CLI.
        .target(
            name: "StrataScan",
            dependencies: ["StrataCore", "StrataArtifact", "StrataSecrets", "StrataAnalyzers", "StrataVulnDB"]),
        .target(name: "StrataReport", dependencies: ["StrataCore"]),
        .target(
            name: "StrataCLI",
            dependencies: [
                "StrataCore", "StrataArtifact", "StrataReport", "StrataScan", "StrataVulnDB", "StrataAnalyzers",
                "StrataRego", "StrataRegoAST", "StrataRegex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]),
        .executableTarget(name: "strata", dependencies: ["StrataCLI"]),
        .target(name: "_StrataTestSupport", dependencies: ["StrataCore"]),

        // Tests, mirroring the modules.
        .testTarget(name: "StrataRegexTests", dependencies: ["StrataRegex"]),
        .testTarget(name: "StrataCoreTests", dependencies: ["StrataCore", "_StrataTestSupport"]),
        .testTarget(name: "StrataArtifactTests", dependencies: ["StrataArtifact", "_StrataTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "StrataVersioningTests", dependencies: ["StrataVersioning", "_StrataTestSupport"]),
        .testTarget(
            name: "StrataAnalyzersTests", dependencies: ["StrataAnalyzers", "_StrataTestSupport"],
            exclude: ["Fixtures", "Golden"]),
        .testTarget(
            name: "StrataSecretsTests",
            dependencies: ["StrataSecrets", "StrataScan", "StrataCore", "StrataArtifact", "_StrataTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "StrataVulnDBTests",
            dependencies: ["StrataVulnDB", "_StrataTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "StrataRegoTests", dependencies: [
            "StrataRego", "StrataRegoAST", "_StrataTestSupport",
            .product(name: "Yams", package: "Yams"),
            .product(name: "BigInt", package: "BigInt"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
        ], exclude: ["Fixtures"]),
        .testTarget(name: "StrataScanTests", dependencies: ["StrataScan", "_StrataTestSupport"]),
        .testTarget(
            name: "StrataReportTests", dependencies: ["StrataReport", "_StrataTestSupport"],
            exclude: ["Golden"]),
        .testTarget(name: "StrataCLITests", dependencies: ["StrataCLI", "_StrataTestSupport"]),
    ]
)
