// swift-tools-version:6.0
import PackageDescription

/// The search counts bit sets a 64-bit word at a time. On x86-64 that is the POPCNT
/// instruction, which every x86-64 server processor since 2008 has but the compiler's baseline
/// does not assume; without it each count takes a dozen instructions.
#if arch(x86_64)
let bitCounting: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-mpopcnt"])]
#else
let bitCounting: [SwiftSetting] = []
#endif

let package = Package(
    name: "lumbung",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lumbung", targets: ["lumbung"]),
        // For bench/evaluation, which measures the rules in process.
        .library(name: "LumbungCore", targets: ["LumbungCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .target(name: "LumbungCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: bitCounting),
        .target(name: "LumbungSpreadsheet", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "App",
            dependencies: [
                "LumbungCore",
                "LumbungSpreadsheet",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(name: "lumbung", dependencies: ["App"]),
        .testTarget(
            name: "LumbungCoreTests",
            dependencies: ["LumbungCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "LumbungSpreadsheetTests", dependencies: ["LumbungSpreadsheet"]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ]
)
