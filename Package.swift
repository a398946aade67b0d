// swift-tools-version: 6.0
import PackageDescription

// Dependencies are deliberate (see ARCHITECTURE.md § Dependencies):
// - swift-argument-parser: the CLI surface (one command per type, help, completion).
// - Yams: YAML with source marks (config file, Kubernetes manifests, test data).
let package = Package(
    name: "strata",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "strata", targets: ["strata"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "StrataCore"),
        .target(name: "StrataArtifact", dependencies: ["StrataCore"]),
        .target(name: "StrataReport", dependencies: ["StrataCore"]),
        .target(
            name: "StrataSecrets",
            dependencies: ["StrataCore", "StrataArtifact", .product(name: "Yams", package: "Yams")],
            exclude: ["Resources/rules.yaml"]
        ),
        .target(name: "StrataScan", dependencies: ["StrataCore", "StrataArtifact", "StrataSecrets"]),
        .target(
            name: "StrataCLI",
            dependencies: [
                "StrataCore", "StrataArtifact", "StrataReport", "StrataScan",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(name: "strata", dependencies: ["StrataCLI"]),
        .target(name: "_StrataTestSupport", dependencies: ["StrataCore"]),
        .testTarget(name: "StrataCoreTests", dependencies: ["StrataCore", "_StrataTestSupport"]),
        .testTarget(
            name: "StrataSecretsTests",
            dependencies: ["StrataSecrets", "StrataScan", "StrataCore", "StrataArtifact", "_StrataTestSupport"],
            exclude: ["Fixtures"]
        ),
    ]
)
