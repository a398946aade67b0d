// swift-tools-version: 6.0
import PackageDescription

// Dependencies are deliberate (see ARCHITECTURE.md § Dependencies):
// - swift-argument-parser: the CLI surface (one command per type, help, completion).
// - Yams: YAML with source marks (config file, Kubernetes manifests, test data).
// - BigInt: exact Rego integers of any size (OPA's numbers are arbitrary precision).
// - swift-crypto: hashes, HMAC and JWT signatures for the Rego builtins on Linux.
let package = Package(
    name: "strata",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "StrataRego", targets: ["StrataRego"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(name: "StrataCore"),
        .target(name: "_StrataTestSupport", dependencies: ["StrataCore"]),
        .testTarget(name: "StrataCoreTests", dependencies: ["StrataCore", "_StrataTestSupport"]),
        .target(name: "StrataRegoAST", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        .target(name: "StrataRego", dependencies: [
            "StrataRegoAST",
            .product(name: "BigInt", package: "BigInt"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .testTarget(name: "StrataRegoTests", dependencies: [
            "StrataRego", "StrataRegoAST", "_StrataTestSupport",
            .product(name: "Yams", package: "Yams"),
        ], exclude: ["Fixtures"]),
    ]
)
