// swift-tools-version:6.1
// The reference for Lumbung's request path: a bare Vapor app that answers plain text, built
// and measured in the same run as Lumbung (bench/request-path.sh). A package of its own so
// that the main build and CI never build it.
import PackageDescription

let package = Package(
    name: "lumbung-hello-reference",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
    ],
    targets: [
        .executableTarget(name: "Hello", dependencies: [.product(name: "Vapor", package: "vapor")], path: "Sources/Hello"),
    ]
)
